using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FaqBot.Web.Tests.Support;

namespace FaqBot.Web.Tests.Messaging;

/// <summary>With an app id configured, only a valid Bot Framework token gets through; everything else is a 401, never a 500.</summary>
public sealed class AuthenticationTests : IDisposable
{
    private const string AppId = "8f0f4c3e-5d51-4b57-9a0b-2b7d8f3c1a11";

    private readonly FaqBotWebFactory _factory = new(new Dictionary<string, string?>
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "not-a-real-password",
    });

    public void Dispose() => _factory.Dispose();

    private static JsonObject TeamsMessage() => new()
    {
        ["type"] = "message",
        ["id"] = "1700000000000",
        ["text"] = "hello",
        ["channelId"] = "msteams",
        ["serviceUrl"] = "https://smba.trafficmanager.net/amer/",
        ["deliveryMode"] = "expectReplies",
        ["conversation"] = new JsonObject { ["id"] = "a:1personal", ["conversationType"] = "personal" },
        ["from"] = new JsonObject { ["id"] = "29:user", ["name"] = "Ada" },
        ["recipient"] = new JsonObject { ["id"] = "28:" + AppId, ["name"] = "FaqBot" },
    };

    public static TheoryData<string?> RefusedHeaders => new()
    {
        null,
        "Bearer",
        "Bearer garbage",
        "Bearer not-a-jwt",
        "Bearer a.b.c",
        "Basic dXNlcjpwYXNz",
        "Bearer " + ForeignJwt.Mint("https://evil.example.com/", AppId),
        "Bearer " + ForeignJwt.Mint("https://evil.example.com/", "some-other-bot"),
    };

    [Theory]
    [MemberData(nameof(RefusedHeaders))]
    public async Task A_missing_malformed_or_foreign_token_gets_401_and_never_reaches_the_bot(string? authorization)
    {
        var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Json.Content(TeamsMessage()) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("You asked", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_factory.TurnLog.Activities);
    }

    [Theory]
    [InlineData("https://api.botframework.com", HttpStatusCode.Unauthorized)]
    [InlineData("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/", HttpStatusCode.ServiceUnavailable)]
    public async Task A_token_from_an_accepted_issuer_that_cannot_be_verified_is_refused_without_a_500(string issuer, HttpStatusCode expected)
    {
        // The signing keys' metadata cannot be fetched (a plain-http loopback address the SDK refuses), as when the identity
        // service is unreachable. The SDK itself answers "No valid identity" (401) for the channel issuer; for the Emulator's
        // issuer the fetch error escapes, and the host reports it as its own outage (503), never a 500.
        using var factory = new FaqBotWebFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-a-real-password",
            ["ToBotFromChannelOpenIdMetadataUrl"] = "http://127.0.0.1:9/v1/.well-known/openidconfiguration",
            ["ToBotFromEmulatorOpenIdMetadataUrl"] = "http://127.0.0.1:9/v2.0/.well-known/openid-configuration",
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Json.Content(TeamsMessage()) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ForeignJwt.Mint(issuer, AppId));

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(factory.TurnLog.Activities);
    }

    [Fact]
    public async Task Local_mode_without_an_app_id_accepts_requests_without_a_token()
    {
        using var local = new FaqBotWebFactory();
        var client = local.CreateClient();

        var response = await client.PostAsync("/api/messages", Json.Content(TeamsMessage()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(local.TurnLog.Activities);
    }

    [Fact]
    public async Task Local_mode_still_refuses_a_malformed_token_with_401()
    {
        using var local = new FaqBotWebFactory();
        var client = local.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Json.Content(TeamsMessage()) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-jwt");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void A_single_tenant_app_without_a_tenant_id_stops_the_host_at_start_with_a_clear_message()
    {
        using var misconfigured = new FaqBotWebFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "secret",
        });

        var error = Assert.ThrowsAny<Exception>(() => misconfigured.CreateClient());

        Assert.Contains("MicrosoftAppTenantId", error.ToString(), StringComparison.Ordinal);
    }
}
