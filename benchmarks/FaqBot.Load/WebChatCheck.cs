using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace FaqBot.Load;

/// <summary>
/// A Web Chat conversation in a real browser (Debian's headless chromium, driven by Playwright) on the bot's own page
/// through the load balancer: it asks a question, waits until the given replica dies, then clicks "Tell me more" on the
/// answer and asks another question, and must see both replies on the page. The page's WebSocket stream is made to sit
/// on the replica that is killed (the page is reopened until the stream's handshake says so), so Web Chat has to
/// reconnect through the survivors. Prints one <c>WEBCHAT</c> line; ok=1 when every step showed its reply.
/// </summary>
internal sealed class WebChatCheck(WebChatCheckSettings settings)
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string TellMeMore = "Tell me more";
    private const int MaxPageOpens = 8;
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    private readonly List<string> _streamServers = [];
    private readonly List<string> _events = [];
    private readonly Dictionary<string, int> _servedBy = [];
    private int _streamsClosed;

    public async Task<(bool Ok, string Report)> RunAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return (false, $"WEBCHAT ok=0 error=\"no chromium at {ChromiumPath}: apt-get install -y chromium\"");
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

        IPage? page = null;
        var steps = new StringBuilder();
        var ok = false;
        try
        {
            page = await OpenChatAsync(browser);
            var answer = await SendAsync(page, settings.FirstQuestion);
            Note($"asked before the kill: {Quote(settings.FirstQuestion)} -> {Quote(answer)}");
            if (settings.ReadyFile is { } ready)
            {
                await File.WriteAllTextAsync(ready, "asked\n");
            }

            var waited = await WaitForDeathAsync();
            Note(waited is { } w ? $"replica process gone after {w.TotalSeconds:0.0} s of waiting" : "no process to wait for");
            await Task.Delay(TimeSpan.FromSeconds(2)); // a user reads before clicking

            // Web Chat holds a message until its stream is back, and waits 3-15 s (at random) before it reconnects.
            var clicked = Stopwatch.GetTimestamp();
            var more = await ClickAsync(page, TellMeMore);
            Note($"after the kill, clicked {Quote(TellMeMore)} -> {Quote(more)} ({Stopwatch.GetElapsedTime(clicked).TotalSeconds:0.0} s later)");
            var asked = Stopwatch.GetTimestamp();
            var second = await SendAsync(page, settings.SecondQuestion);
            Note($"after the kill, asked {Quote(settings.SecondQuestion)} -> {Quote(second)} ({Stopwatch.GetElapsedTime(asked).TotalSeconds:0.0} s later)");
            ok = !more.Contains("Ask me a question first", StringComparison.Ordinal) && second.Length > 0;
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or InvalidOperationException)
        {
            Note($"failed: {ex.GetType().Name}: {FirstLine(ex.Message)}");
        }

        if (page is not null && settings.Screenshot is { } path)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        }

        var sendFailed = page is null ? 0 : await page.GetByText("Send failed").CountAsync();
        ok &= sendFailed == 0;
        steps.Append(CultureInfo.InvariantCulture,
            $"WEBCHAT ok={(ok ? 1 : 0)} stream_on={string.Join(",", _streamServers.DefaultIfEmpty("unknown"))} streams_closed={_streamsClosed} send_failed={sendFailed} ");
        steps.Append("served_by=").AppendJoin(",", _servedBy.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}:{s.Value}")).AppendLine();
        foreach (var line in _events)
        {
            steps.Append("webchat: ").AppendLine(line);
        }

        return (ok, steps.ToString());
    }

    // Opens the page until its stream's handshake came from settings.StreamOn (or any, without it); each open is a new chat.
    private async Task<IPage> OpenChatAsync(IBrowser browser)
    {
        for (var open = 1; ; open++)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1000 } });
            var page = await context.NewPageAsync();
            var streamServer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            await WatchAsync(page, streamServer);
            await page.GotoAsync(settings.BaseUrl.ToString());
            await Assertions.Expect(BotBubbles(page).First).ToBeVisibleAsync(new() { Timeout = (float)StepTimeout.TotalMilliseconds });
            var server = await streamServer.Task.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(
                t => t.IsCompletedSuccessfully ? t.Result : "unknown", TaskScheduler.Default);
            _streamServers.Add(server);
            if (settings.StreamOn is null || server == settings.StreamOn || open >= MaxPageOpens)
            {
                Note($"page opened {open} time(s); the chat's stream is on {server}");
                return page;
            }

            await context.CloseAsync();

            // haproxy deals requests round-robin, and every open makes the same requests: one more request moves the
            // next open's stream to the next replica.
            using var http = new HttpClient { BaseAddress = settings.BaseUrl };
            using var _ = await http.GetAsync("healthz");
        }
    }

    // Which replica answered each request (X-Served-By) and the WebSocket handshake (through the DevTools protocol, as
    // Playwright does not expose a handshake's headers); and when a stream closes, as Web Chat must then reconnect.
    private async Task WatchAsync(IPage page, TaskCompletionSource<string> streamServer)
    {
        page.Response += (_, response) =>
        {
            if (response.Headers.TryGetValue("x-served-by", out var server))
            {
                lock (_servedBy)
                {
                    _servedBy[server] = _servedBy.GetValueOrDefault(server) + 1;
                }
            }
        };
        page.WebSocket += (_, socket) =>
        {
            socket.Close += (_, _) =>
            {
                Interlocked.Increment(ref _streamsClosed);
                Note("a stream closed");
            };
        };
        var cdp = await page.Context.NewCDPSessionAsync(page);
        cdp.Event("Network.webSocketHandshakeResponseReceived").OnEvent += (_, json) =>
        {
            if (json is { } e && e.TryGetProperty("response", out var response) && response.TryGetProperty("headers", out var headers))
            {
                var server = headers.EnumerateObject().FirstOrDefault(h => h.NameEquals("x-served-by") || h.NameEquals("X-Served-By"));
                var name = server.Value.ValueKind == JsonValueKind.String ? server.Value.GetString() ?? "unknown" : "unknown";
                if (!streamServer.TrySetResult(name))
                {
                    Note($"stream reconnected, handshake served by {name}");
                }
            }
        };
        await cdp.SendAsync("Network.enable");
    }

    private async Task<string> SendAsync(IPage page, string text)
    {
        var before = await BotBubbles(page).CountAsync();
        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync(text);
        await sendBox.PressAsync("Enter");
        return await NextReplyAsync(page, before);
    }

    private async Task<string> ClickAsync(IPage page, string action)
    {
        var before = await BotBubbles(page).CountAsync();
        var toolbar = page.GetByRole(AriaRole.Toolbar, new PageGetByRoleOptions { Name = "Suggested actions" });
        await toolbar.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = action, Exact = true })
            .ClickAsync(new LocatorClickOptions { Timeout = (float)StepTimeout.TotalMilliseconds });
        return await NextReplyAsync(page, before);
    }

    // The bot's next bubble on the page (its first line of text): what a user would see appear.
    private static async Task<string> NextReplyAsync(IPage page, int before)
    {
        var reply = BotBubbles(page).Nth(before);
        await Assertions.Expect(reply).ToBeVisibleAsync(new() { Timeout = (float)StepTimeout.TotalMilliseconds });
        return FirstLine(await reply.InnerTextAsync());
    }

    private static ILocator BotBubbles(IPage page) =>
        page.Locator(".webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content");

    private async Task<TimeSpan?> WaitForDeathAsync()
    {
        if (settings.AfterPid is not { } pid)
        {
            return null;
        }

        var started = DateTime.UtcNow;
        while (IsRunning(pid))
        {
            if (DateTime.UtcNow - started > settings.WaitForDeath)
            {
                throw new TimeoutException($"process {pid} still runs after {settings.WaitForDeath.TotalSeconds:0} s");
            }

            await Task.Delay(100);
        }

        return DateTime.UtcNow - started;
    }

    // A killed child stays a zombie until its parent waits for it, so /proc alone would say it still runs.
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (IOException)
        {
            return false;
        }
    }

    private void Note(string line)
    {
        lock (_events)
        {
            _events.Add($"{DateTime.UtcNow:HH:mm:ss.f} {line}");
        }
    }

    private static string Quote(string text) => "\"" + (text.Length > 100 ? text[..100] + "…" : text) + "\"";

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty;
}
