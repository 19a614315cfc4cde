using System.Net;
using FaqBot.Web.Tests.DirectLine;
using FaqBot.Web.Tests.Support;

namespace FaqBot.Web.Tests.WebChat;

public sealed class WebChatPageTests : IDisposable
{
    private readonly FaqBotWebFactory _factory = new(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = "https://intranet.example.com" });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_root_serves_the_chat_page_that_loads_the_locally_served_Web_Chat_bundle()
    {
        var client = _factory.CreateClient();

        var page = await client.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>FaqBot</title>", html, StringComparison.Ordinal);
        Assert.Contains("src=\"lib/webchat/webchat.js\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.botframework.com", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Web_Chat_bundle_fetched_by_the_build_is_served()
    {
        var client = _factory.CreateClient();

        var bundle = await client.GetAsync("/lib/webchat/webchat.js");

        Assert.True(bundle.StatusCode == HttpStatusCode.OK, "The build should have fetched botframework-webchat with npm into src/FaqBot.Web/wwwroot/lib/webchat/.");
        Assert.True((await bundle.Content.ReadAsByteArrayAsync()).Length > 1_000_000);
    }

    [Fact]
    public async Task The_page_token_endpoint_hands_out_a_token_that_opens_a_built_in_Direct_Line_conversation()
    {
        var http = _factory.CreateClient();

        var session = await Json.ReadObjectAsync(await http.PostAsync("/api/directline/token", null));
        var client = new DirectLineClient(http) { Token = session["token"]!.GetValue<string>() };
        var started = await client.StartAsync();

        Assert.Equal("/v3/directline", session["domain"]!.GetValue<string>());
        Assert.StartsWith("user-", session["userId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(session["conversationId"]!.GetValue<string>(), client.ConversationId);
    }

    [Theory]
    [InlineData("https://intranet.example.com", true)]
    [InlineData("https://evil.example.net", false)]
    public async Task Cross_origin_Direct_Line_calls_are_allowed_only_from_configured_origins(string origin, bool allowed)
    {
        var client = _factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");

        var response = await client.SendAsync(preflight);

        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var allowOrigin);
        response.Headers.TryGetValues("Access-Control-Allow-Headers", out var allowHeaders);
        if (allowed)
        {
            Assert.Equal([origin], allowOrigin);
            var headers = string.Join(',', allowHeaders!).ToUpperInvariant();
            Assert.Contains("X-MS-BOT-AGENT", headers, StringComparison.Ordinal);
            Assert.Contains("AUTHORIZATION", headers, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(allowOrigin);
        }
    }
}
