using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using FaqBot.Web.Messaging;
using FaqBot.Web.Tests.DirectLine;
using FaqBot.Web.Tests.Hosts;
using FaqBot.Web.Tests.Support;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.Web.Tests.Security;

/// <summary>
/// Issue 17 item 11: status codes and logs. A 256 KB body is accepted however it is framed, invalid UTF-8 is refused,
/// refusals do not show parser internals, forged tokens and abandoned bodies do not fill the log with errors, and an
/// evicted Direct Line conversation's token is not silently renewed.
/// </summary>
public sealed class StatusAndLogTests
{
    private const string AppId = "8f0f4c3e-5d51-4b57-9a0b-2b7d8f3c1a11";

    // An activity whose UTF-8 JSON is exactly the host's cap.
    private static byte[] ExactlyMaxBody(JsonObject activity)
    {
        var overhead = Encoding.UTF8.GetByteCount(activity.ToJsonString()) - activity["text"]!.GetValue<string>().Length;
        activity["text"] = new string('x', ActivityRequestGuard.MaxBodyBytes - overhead);
        var body = Encoding.UTF8.GetBytes(activity.ToJsonString());
        Assert.Equal(ActivityRequestGuard.MaxBodyBytes, body.Length);
        return body;
    }

    private static ByteArrayContent JsonBytes(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    [Fact]
    public async Task A_256_KB_activity_sent_chunked_is_accepted_on_api_messages()
    {
        using var factory = new FaqBotWebFactory();
        using var http = new HttpClient { BaseAddress = factory.StartOnLoopback() };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = JsonBytes(ExactlyMaxBody(Json.EmulatorMessage())) };
        request.Headers.TransferEncodingChunked = true;

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(factory.TurnLog.Activities);
    }

    [Fact]
    public async Task A_256_KB_activity_sent_chunked_is_accepted_on_Direct_Line()
    {
        using var factory = new FaqBotWebFactory();
        using var http = new HttpClient { BaseAddress = factory.StartOnLoopback() };
        var client = new DirectLineClient(http);
        await client.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{client.ConversationId}/activities")
        {
            Content = JsonBytes(ExactlyMaxBody(client.WebChatMessage("hello"))),
        };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_activity_with_invalid_UTF8_gets_400_on_both_endpoints()
    {
        using var factory = new FaqBotWebFactory();
        var http = factory.CreateClient();
        var client = new DirectLineClient(http);
        await client.StartAsync();
        static byte[] Spoil(JsonObject activity)
        {
            var body = Encoding.UTF8.GetBytes(activity.ToJsonString());
            var at = Array.IndexOf(body, (byte)'@');
            body[at] = 0xFF;
            return body;
        }

        var messages = await http.PostAsync("/api/messages", JsonBytes(Spoil(Json.EmulatorMessage("caf@"))));
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities")
        {
            Content = JsonBytes(Spoil(client.WebChatMessage("caf@"))),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);
        var directLine = await http.SendAsync(post);

        Assert.Equal(HttpStatusCode.BadRequest, messages.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, directLine.StatusCode);
        Assert.Contains("UTF-8", await messages.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(factory.TurnLog.Activities);
    }

    public static TheoryData<string> Unreadable => new()
    {
        """{"type":"message","text":"hi" "oops"}""",
        """{"type":"message","text":"hi","from":"not an account"}""",
        """{"type":"message","text":"hi","timestamp":"yesterday"}""",
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task A_400_for_an_unreadable_activity_says_what_is_wrong_without_the_parser_s_details(string json)
    {
        using var factory = new FaqBotWebFactory();
        var http = factory.CreateClient();
        var client = new DirectLineClient(http);
        await client.StartAsync();

        var messages = await http.PostAsync("/api/messages", Json.Content(json));
        var directLine = await http.SendAsync(Json.Post($"/v3/directline/conversations/{client.ConversationId}/activities", JsonNode.Parse(json.Replace("\"hi\" \"oops\"", "\"hi\"", StringComparison.Ordinal))!, client.Token));

        Assert.Equal(HttpStatusCode.BadRequest, messages.StatusCode);
        foreach (var body in new[] { await messages.Content.ReadAsStringAsync(), directLine.StatusCode == HttpStatusCode.BadRequest ? await directLine.Content.ReadAsStringAsync() : string.Empty })
        {
            foreach (var detail in new[] { "LineNumber", "BytePosition", "Path '", "position", "Newtonsoft", "System.", "Exception" })
            {
                Assert.DoesNotContain(detail, body, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_activity_without_a_serviceUrl_gets_400_with_or_without_an_app_id(bool withAppId)
    {
        using var factory = new FaqBotWebFactory(withAppId
            ? new Dictionary<string, string?> { ["MicrosoftAppType"] = "MultiTenant", ["MicrosoftAppId"] = AppId, ["MicrosoftAppPassword"] = "not-a-real-password" }
            : null);
        var activity = Json.EmulatorMessage();
        activity.Remove("serviceUrl");

        var response = await factory.CreateClient().PostAsync("/api/messages", Json.Content(activity));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("serviceUrl", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(factory.TurnLog.Activities);
    }

    [Fact]
    public async Task A_forged_token_logs_one_short_line_at_warning_and_no_error()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = new FaqBotWebFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-a-real-password",
        })
        {
            ConfigureServices = services => services.AddSingleton<ILoggerProvider>(logs),
        };
        var activity = Json.EmulatorMessage();
        activity["channelId"] = "msteams";
        activity["serviceUrl"] = "https://smba.trafficmanager.net/amer/";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Json.Content(activity) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ForeignJwt.Mint("https://evil.example.com/", AppId));
        var before = logs.Entries.Count;

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var entries = logs.Entries.Skip(before).ToList();
        Assert.DoesNotContain(entries, e => e.Contains(" Error ", StringComparison.Ordinal) || e.Contains(" Critical ", StringComparison.Ordinal));
        var warning = Assert.Single(entries, e => e.Contains(" Warning ", StringComparison.Ordinal));
        Assert.True(warning.Length < 600, $"the warning is {warning.Length:N0} characters: {warning}");
        Assert.DoesNotContain("   at ", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_the_client_abandons_halfway_is_not_logged_as_an_error()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = new FaqBotWebFactory(new Dictionary<string, string?> { ["Logging:LogLevel:FaqBot.Web.Messaging.FaqBotCloudAdapter"] = "Information" })
        {
            ConfigureServices = services => services.AddSingleton<ILoggerProvider>(logs),
        };
        var address = factory.StartOnLoopback();

        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(address.Host, address.Port);
            var stream = socket.GetStream();
            var head = $"POST /api/messages HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{{\"type\":\"message\",\"text\":\"";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.FlushAsync();
        }

        var outcome = await WaitForAsync(logs, e => e.Contains("abandoned", StringComparison.Ordinal) || IsError(e));
        Assert.False(IsError(outcome), outcome);
        Assert.DoesNotContain(logs.Entries, IsError);
    }

    [Fact]
    public async Task A_body_sent_too_slowly_gets_408_and_is_not_logged_as_an_error()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = new FaqBotWebFactory
        {
            ConfigureServices = services =>
            {
                services.AddSingleton<ILoggerProvider>(logs);
                services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(1000, TimeSpan.FromSeconds(2)));
            },
        };
        var address = factory.StartOnLoopback();
        using var socket = new TcpClient();
        await socket.ConnectAsync(address.Host, address.Port);
        var stream = socket.GetStream();
        var head = $"POST /api/messages HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{{\"type\":";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.FlushAsync();

        // Nothing more is sent: Kestrel's minimum data rate ends the request after its grace period.
        var response = new byte[4096];
        var read = await stream.ReadAsync(response).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.StartsWith("HTTP/1.1 408", Encoding.ASCII.GetString(response, 0, read), StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, IsError);
    }

    [Fact]
    public async Task Refreshing_the_token_of_an_evicted_Direct_Line_conversation_gets_404()
    {
        using var factory = new FaqBotWebFactory(new Dictionary<string, string?> { ["DirectLine:MaxConversations"] = "1" });
        var http = factory.CreateClient();
        var first = new DirectLineClient(http);
        await first.StartAsync();
        await first.SendAsync("hello");
        await new DirectLineClient(http).StartAsync();

        var refresh = await http.SendAsync(Json.Post("/v3/directline/tokens/refresh", new JsonObject(), first.Token));

        Assert.Equal(HttpStatusCode.NotFound, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await first.GetAsync()).StatusCode);
    }

    [Fact]
    public async Task Refreshing_the_token_of_an_expired_Direct_Line_conversation_gets_404()
    {
        using var factory = new FaqBotWebFactory(new Dictionary<string, string?> { ["DirectLine:ConversationIdleTimeout"] = "00:10:00" });
        var http = factory.CreateClient();
        var client = new DirectLineClient(http);
        await client.StartAsync();
        factory.Time.Advance(TimeSpan.FromMinutes(11));

        var fresh = await http.SendAsync(Json.Post("/v3/directline/tokens/refresh", new JsonObject(), client.Token));

        Assert.Equal(HttpStatusCode.NotFound, fresh.StatusCode);
    }

    [Fact]
    public async Task The_page_token_can_be_refreshed_before_its_conversation_starts_and_then_opens_it()
    {
        using var factory = new FaqBotWebFactory();
        var http = factory.CreateClient();
        var page = await Json.ReadObjectAsync(await http.PostAsync("/api/directline/token", null));

        var refresh = await http.SendAsync(Json.Post("/v3/directline/tokens/refresh", new JsonObject(), page["token"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var client = new DirectLineClient(http) { Token = (await Json.ReadObjectAsync(refresh))["token"]!.GetValue<string>() };
        var start = await client.StartAsync();

        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        Assert.Equal(page["conversationId"]!.GetValue<string>(), client.ConversationId);
        var again = await http.SendAsync(Json.Post("/v3/directline/tokens/refresh", new JsonObject(), client.Token));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    private static bool IsError(string entry) =>
        entry.Contains(" Error ", StringComparison.Ordinal) || entry.Contains(" Critical ", StringComparison.Ordinal);

    // The host's own log line is the signal that the request is over; the timeout only turns a hang into a failure.
    private static async Task<string> WaitForAsync(CapturingLoggerProvider logs, Func<string, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (logs.Entries.FirstOrDefault(match) is { } entry)
            {
                return entry;
            }

            await Task.Delay(20, timeout.Token);
        }
    }
}
