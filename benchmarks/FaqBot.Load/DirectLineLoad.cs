using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FaqBot.Load;

/// <summary>
/// Each virtual user starts a Direct Line conversation, then repeatedly posts a question and reads the activities since
/// its watermark until the bot's reply to that question is there; after a few turns it starts a new conversation.
/// A turn's latency runs from the POST to the reply being read.
/// </summary>
internal sealed class DirectLineLoad(DirectLineLoadSettings settings)
{
    public async Task<DirectLineLoadReport> RunAsync(CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = settings.Users, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = settings.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(settings.Duration);
        var watch = Stopwatch.StartNew();
        var users = Enumerable.Range(0, settings.Users).Select(i => RunUserAsync(http, i, stop.Token)).ToArray();
        var results = await Task.WhenAll(users);
        var elapsed = watch.Elapsed;
        return DirectLineLoadReport.From(results, elapsed);
    }

    private async Task<UserResult> RunUserAsync(HttpClient http, int user, CancellationToken stop)
    {
        var result = new UserResult();
        var random = new Random(user);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var start = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations")
                {
                    Content = JsonContent.Create(new { user = new { id = $"load-user-{user}" }, locale = "en-US" }),
                };
                using var started = await http.SendAsync(start, stop);
                if (!started.IsSuccessStatusCode)
                {
                    result.Errors++;
                    continue;
                }

                result.Conversations++;
                var session = JsonNode.Parse(await started.Content.ReadAsStringAsync(stop))!;
                var conversationId = (string)session["conversationId"]!;
                var token = (string)session["token"]!;
                var watermark = string.Empty;
                for (var turn = 0; turn < settings.TurnsPerConversation && !stop.IsCancellationRequested; turn++)
                {
                    var question = settings.Questions[random.Next(settings.Questions.Count)];
                    var begun = Stopwatch.GetTimestamp();
                    var (ok, next) = await TurnAsync(http, conversationId, token, user, question, watermark, stop);
                    if (ok)
                    {
                        result.Latencies.Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
                        watermark = next;
                    }
                    else
                    {
                        result.Errors++;
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The run's time is up mid-turn: that turn is neither counted nor an error.
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidOperationException or TaskCanceledException)
            {
                result.Errors++;
            }
        }

        return result;
    }

    private static async Task<(bool Ok, string Watermark)> TurnAsync(
        HttpClient http, string conversationId, string token, int user, string question, string watermark, CancellationToken stop)
    {
        var path = $"v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        using var post = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(new
            {
                type = "message",
                text = question,
                textFormat = "plain",
                locale = "en-US",
                from = new { id = $"load-user-{user}", name = "Load", role = "user" },
                channelData = new { clientActivityID = Guid.NewGuid().ToString("N") },
            }),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var posted = await http.SendAsync(post, stop);
        if (!posted.IsSuccessStatusCode)
        {
            return (false, watermark);
        }

        var id = (string?)JsonNode.Parse(await posted.Content.ReadAsStringAsync(stop))?["id"];

        // Web Chat polls once a second; the driver re-polls at once, so the figure is the server's, not the poll interval's.
        for (var poll = 0; poll < 50; poll++)
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, $"{path}?watermark={Uri.EscapeDataString(watermark)}");
            get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var got = await http.SendAsync(get, stop);
            if (!got.IsSuccessStatusCode)
            {
                return (false, watermark);
            }

            var set = JsonNode.Parse(await got.Content.ReadAsStringAsync(stop))!;
            watermark = (string?)set["watermark"] ?? watermark;
            var replied = set["activities"]!.AsArray().Any(a =>
                (string?)a?["type"] == "message" && (string?)a?["from"]?["role"] == "bot" && (string?)a?["replyToId"] == id);
            if (replied)
            {
                return (true, watermark);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), stop);
        }

        return (false, watermark);
    }
}
