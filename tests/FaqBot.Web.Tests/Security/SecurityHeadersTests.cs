using System.Net;
using FaqBot.Web.Tests.Support;

namespace FaqBot.Web.Tests.Security;

/// <summary>Issue 17 item 10: the page cannot be framed by strangers or run scripts from elsewhere, and responses say little about the server.</summary>
public sealed class SecurityHeadersTests
{
    [Fact]
    public async Task The_page_has_a_CSP_that_allows_only_own_scripts_and_framing_by_itself_when_no_origin_is_configured()
    {
        using var factory = new FaqBotWebFactory();

        var page = await factory.CreateClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = Directives(page);
        Assert.Equal("'self'", csp["script-src"]);
        Assert.Equal("'self'", csp["frame-ancestors"]);
        Assert.Equal("'none'", csp["object-src"]);
        Assert.DoesNotContain("unsafe-eval", string.Join(' ', csp.Values), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_origins_allowed_by_CORS_may_frame_the_page()
    {
        using var factory = new FaqBotWebFactory(new Dictionary<string, string?>
        {
            ["Cors:AllowedOrigins:0"] = "https://intranet.example.com",
            ["Cors:AllowedOrigins:1"] = "https://help.example.org",
        });

        var page = await factory.CreateClient().GetAsync("/");

        Assert.Equal("'self' https://intranet.example.com https://help.example.org", Directives(page)["frame-ancestors"]);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/js/faqbot-webchat.js")]
    [InlineData("/healthz")]
    [InlineData("/api/messages")]
    [InlineData("/no-such-page")]
    public async Task Every_response_is_nosniff_with_a_referrer_policy_and_no_Server_header(string path)
    {
        using var factory = new FaqBotWebFactory();
        using var client = new HttpClient { BaseAddress = factory.StartOnLoopback() };

        var response = await client.GetAsync(path.TrimStart('/'));

        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
        Assert.False(response.Headers.Contains("Server"), "Kestrel's Server header should be off: " + response.Headers);
    }

    private static Dictionary<string, string> Directives(HttpResponseMessage response)
    {
        var header = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        return header.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(directive => directive.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : string.Empty, StringComparer.Ordinal);
    }
}
