using System.Net;
using FaqBot.Web.Tests.Support;

namespace FaqBot.Web.Tests.Security;

/// <summary>
/// Issue 17 item 3: a host registered with an app id (for Teams) does not also open an anonymous Web Chat page and
/// Direct Line endpoint unless <c>WebChat:Enabled</c> asks for them; local mode keeps them on.
/// </summary>
public sealed class WebChatExposureTests
{
    private const string AppId = "8f0f4c3e-5d51-4b57-9a0b-2b7d8f3c1a11";

    public static TheoryData<string, string> PageAndDirectLine => new()
    {
        { "GET", "/" },
        { "GET", "/index.html" },
        { "GET", "/js/faqbot-webchat.js" },
        { "POST", "/api/directline/token" },
        { "POST", "/v3/directline/tokens/generate" },
        { "POST", "/v3/directline/conversations" },
    };

    [Theory]
    [MemberData(nameof(PageAndDirectLine))]
    public async Task With_an_app_id_the_page_and_the_built_in_Direct_Line_are_404_by_default(string method, string path)
    {
        using var factory = new FaqBotWebFactory(WithAppId());

        var response = await factory.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(PageAndDirectLine))]
    public async Task With_an_app_id_WebChat_Enabled_turns_the_page_and_Direct_Line_back_on(string method, string path)
    {
        using var factory = new FaqBotWebFactory(WithAppId(webChatEnabled: "true"));

        var response = await factory.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(PageAndDirectLine))]
    public async Task In_local_mode_the_page_and_Direct_Line_are_served_unless_turned_off(string method, string path)
    {
        using var on = new FaqBotWebFactory();
        using var off = new FaqBotWebFactory(new Dictionary<string, string?> { ["WebChat:Enabled"] = "false" });

        var served = await on.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        var refused = await off.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.True(served.IsSuccessStatusCode, $"{method} {path}: {(int)served.StatusCode}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task With_the_page_off_the_Bot_Framework_endpoint_and_health_are_still_served()
    {
        using var factory = new FaqBotWebFactory(WithAppId());
        var client = factory.CreateClient();

        var messages = await client.PostAsync("/api/messages", Json.Content(new System.Text.Json.Nodes.JsonObject { ["type"] = "message" }));
        var health = await client.GetAsync("/healthz");

        Assert.NotEqual(HttpStatusCode.NotFound, messages.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(AppId)]
    public async Task The_favicon_is_served_in_every_mode(string? appId)
    {
        using var factory = new FaqBotWebFactory(appId is null ? null : WithAppId());

        var response = await factory.CreateClient().GetAsync("/favicon.ico");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/x-icon", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0, 0, 1, 0], (await response.Content.ReadAsByteArrayAsync())[..4]);
    }

    private static Dictionary<string, string?> WithAppId(string? webChatEnabled = null) => new()
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "not-a-real-password",
        ["WebChat:Enabled"] = webChatEnabled,
    };
}
