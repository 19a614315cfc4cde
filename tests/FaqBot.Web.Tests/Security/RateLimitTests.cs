using System.Net;
using System.Text.Json.Nodes;
using FaqBot.Web.Hosting;
using FaqBot.Web.Tests.Support;

namespace FaqBot.Web.Tests.Security;

/// <summary>
/// Issue 17 item 5: the rate limit was one shared budget per address. Clients are told apart behind the proxies the host
/// is told to trust, IPv6 clients by their /64, and the page's own token request has a budget a chatty client cannot spend.
/// </summary>
public sealed class RateLimitTests
{
    private static Dictionary<string, string?> Settings(bool behindProxy = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DirectLine:MaxNewConversationsPerMinute"] = "2",
            ["WebChat:MaxTokensPerMinute"] = "2",
        };
        if (behindProxy)
        {
            settings["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1";
        }

        return settings;
    }

    private static async Task<HttpStatusCode> StartConversationAsync(HttpClient http, string? forwardedFor = null, string? token = null)
    {
        using var request = Json.Post("/v3/directline/conversations", new JsonObject(), token);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return (await http.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task A_client_that_spent_its_conversation_budget_still_gets_the_page_s_token_and_opens_its_chat()
    {
        using var factory = new FaqBotWebFactory(Settings());
        var http = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Created, await StartConversationAsync(http));
        Assert.Equal(HttpStatusCode.Created, await StartConversationAsync(http));
        var refused = await http.SendAsync(Json.Post("/v3/directline/conversations", new JsonObject()));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "a 429 says when to try again");

        var page = await http.PostAsync("/api/directline/token", null);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = (await Json.ReadObjectAsync(page))["token"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Created, await StartConversationAsync(http, token: token));
    }

    [Fact]
    public async Task The_page_s_token_request_has_a_budget_of_its_own()
    {
        using var factory = new FaqBotWebFactory(Settings());
        var http = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await http.PostAsync("/api/directline/token", null)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Created, await StartConversationAsync(http));
    }

    [Fact]
    public async Task Behind_a_known_proxy_clients_are_told_apart_by_X_Forwarded_For()
    {
        using var factory = new FaqBotWebFactory(Settings(behindProxy: true));
        using var http = new HttpClient { BaseAddress = factory.StartOnLoopback() };

        Assert.Equal(HttpStatusCode.Created, await StartConversationAsync(http, "203.0.113.5"));
        Assert.Equal(HttpStatusCode.Created, await StartConversationAsync(http, "203.0.113.5"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await StartConversationAsync(http, "203.0.113.5"));

        Assert.Equal(HttpStatusCode.Created, await StartConversationAsync(http, "203.0.113.6"));
    }

    [Fact]
    public async Task X_Forwarded_For_from_a_peer_that_is_not_a_known_proxy_is_ignored()
    {
        using var factory = new FaqBotWebFactory(Settings());
        using var http = new HttpClient { BaseAddress = factory.StartOnLoopback() };

        Assert.Equal(HttpStatusCode.Created, await StartConversationAsync(http, "203.0.113.5"));
        Assert.Equal(HttpStatusCode.Created, await StartConversationAsync(http, "203.0.113.6"));

        Assert.Equal(HttpStatusCode.TooManyRequests, await StartConversationAsync(http, "203.0.113.7"));
    }

    [Fact]
    public async Task IPv6_clients_share_a_budget_within_a_64_and_another_64_has_its_own()
    {
        using var factory = new FaqBotWebFactory(Settings(behindProxy: true));
        using var http = new HttpClient { BaseAddress = factory.StartOnLoopback() };

        Assert.Equal(HttpStatusCode.Created, await StartConversationAsync(http, "2001:db8:1:2::1"));
        Assert.Equal(HttpStatusCode.Created, await StartConversationAsync(http, "2001:db8:1:2:ffff:ffff:ffff:fffe"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await StartConversationAsync(http, "2001:db8:1:2:abcd::9"));

        Assert.Equal(HttpStatusCode.Created, await StartConversationAsync(http, "2001:db8:1:3::1"));
    }

    [Theory]
    [InlineData("203.0.113.5", "203.0.113.5")]
    [InlineData("::ffff:203.0.113.5", "203.0.113.5")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("fe80::1%3", "fe80::/64")]
    public void The_partition_of_an_address_is_the_IPv4_address_or_the_IPv6_64(string address, string partition) =>
        Assert.Equal(partition, ClientPartition.Of(IPAddress.Parse(address)));

    [Fact]
    public void A_known_proxy_setting_that_is_not_an_address_stops_the_host_at_start()
    {
        using var factory = new FaqBotWebFactory(new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/40" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("ForwardedHeaders:KnownNetworks", error.ToString(), StringComparison.Ordinal);
    }
}
