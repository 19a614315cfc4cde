using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FaqBot.Web.Tests.DirectLine;
using FaqBot.Web.Tests.Support;

namespace FaqBot.Web.Tests.Security;

/// <summary>
/// Issue 17 item 4: a page on another origin cannot make the host send requests. Activities must be declared as JSON
/// (a cross-origin text/plain POST needs no preflight), a host without an app id replies only to loopback serviceUrls, and
/// with an app id the channel token decides where replies may go.
/// </summary>
public sealed class RequestForgeryTests
{
    private const string AppId = "8f0f4c3e-5d51-4b57-9a0b-2b7d8f3c1a11";

    private static JsonObject Activity(string serviceUrl, string channelId = "emulator", string? deliveryMode = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString(),
            ["text"] = "hello",
            ["channelId"] = channelId,
            ["serviceUrl"] = serviceUrl,
            ["conversation"] = new JsonObject { ["id"] = "conv-" + Guid.NewGuid().ToString("N")[..8] },
            ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "User" },
            ["recipient"] = new JsonObject { ["id"] = "28:" + AppId, ["name"] = "Bot" },
        };
        if (deliveryMode is not null)
        {
            activity["deliveryMode"] = deliveryMode;
        }

        return activity;
    }

    public static TheoryData<string?> NotJson => new()
    {
        "text/plain",
        "text/plain; charset=utf-8",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/xml",
        "application/json; charset=latin1",
        null,
    };

    [Theory]
    [MemberData(nameof(NotJson))]
    public async Task An_activity_not_sent_as_application_json_gets_415_and_never_reaches_the_bot(string? contentType)
    {
        using var factory = new FaqBotWebFactory();
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes(Activity("http://127.0.0.1:9/", deliveryMode: "expectReplies").ToJsonString()));
        if (contentType is not null)
        {
            body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        var response = await factory.CreateClient().PostAsync("/api/messages", body);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(factory.TurnLog.Activities);
    }

    [Fact]
    public async Task A_Direct_Line_activity_posted_as_text_plain_gets_415_and_never_reaches_the_bot()
    {
        using var factory = new FaqBotWebFactory();
        var http = factory.CreateClient();
        var client = new DirectLineClient(http);
        await client.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities")
        {
            Content = new StringContent(client.WebChatMessage("hello").ToJsonString(), Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(factory.TurnLog.Activities);
    }

    [Theory]
    [InlineData("https://attacker.example/")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://127.0.0.1.attacker.example/")]
    [InlineData("http://localhost.attacker.example/")]
    [InlineData("http://[::ffff:10.0.0.1]/")]
    [InlineData("http://0.0.0.0:9/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    public async Task Without_an_app_id_an_activity_whose_serviceUrl_is_not_loopback_gets_400_before_the_turn(string serviceUrl)
    {
        using var factory = new FaqBotWebFactory();

        var response = await factory.CreateClient().PostAsync("/api/messages", Json.Content(Activity(serviceUrl)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("loopback", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(factory.TurnLog.Activities);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Without_an_app_id_replies_still_go_to_a_loopback_serviceUrl(string host)
    {
        await using var connector = await FakeEmulatorConnector.StartAsync();
        using var factory = new FaqBotWebFactory();
        using var client = new HttpClient { BaseAddress = factory.StartOnLoopback() };
        var serviceUrl = $"http://{host}:{connector.ServiceUrl.Port}";

        var response = await client.PostAsync("api/messages", Json.Content(Activity(serviceUrl)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(EchoTestBot.AnswerTo("hello"), connector.Calls.Select(call => call.Text));
    }

    [Fact]
    public async Task With_an_app_id_a_channel_token_for_another_serviceUrl_gets_401_and_nothing_is_sent()
    {
        await using var connector = await FakeEmulatorConnector.StartAsync();
        await using var issuer = await TestChannelIssuer.StartAsync("msteams");
        using var factory = AuthenticatedHost(issuer);
        using var client = new HttpClient { BaseAddress = factory.StartOnLoopback() };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = Json.Content(Activity(connector.ServiceUrl.ToString(), "msteams")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Mint(AppId, "https://smba.trafficmanager.net/amer/"));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(factory.TurnLog.Activities);
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task With_an_app_id_a_channel_token_for_the_activitys_serviceUrl_is_accepted()
    {
        // The control for the test above: the same host and key accept the token when its serviceurl claim matches.
        await using var issuer = await TestChannelIssuer.StartAsync("msteams");
        using var factory = AuthenticatedHost(issuer);
        using var client = new HttpClient { BaseAddress = factory.StartOnLoopback() };
        const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = Json.Content(Activity(ServiceUrl, "msteams", deliveryMode: "expectReplies")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Mint(AppId, ServiceUrl));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(EchoTestBot.AnswerTo("hello"), Json.Texts((await Json.ReadObjectAsync(response))["activities"]!.AsArray()));
    }

    private static FaqBotWebFactory AuthenticatedHost(TestChannelIssuer issuer)
    {
        issuer.TrustedBySdk();
        return new FaqBotWebFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-a-real-password",

            // Setting one of these makes the SDK take every endpoint from configuration, so the public cloud's are given too.
            ["ToBotFromChannelOpenIdMetadataUrl"] = issuer.MetadataUrl.ToString(),
            ["ToBotFromChannelTokenIssuer"] = TestChannelIssuer.ChannelIssuer,
            ["ToChannelFromBotLoginUrl"] = "https://login.microsoftonline.com/botframework.com",
            ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
            ["OAuthUrl"] = "https://api.botframework.com",
        });
    }
}
