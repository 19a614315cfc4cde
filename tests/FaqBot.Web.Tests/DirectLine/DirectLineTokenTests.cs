using System.Net;
using FaqBot.Web.Tests.Support;

namespace FaqBot.Web.Tests.DirectLine;

public sealed class DirectLineTokenTests : IDisposable
{
    private readonly FaqBotWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<DirectLineClient> StartedAsync()
    {
        var client = new DirectLineClient(_factory.CreateClient());
        await client.StartAsync();
        return client;
    }

    [Fact]
    public async Task A_token_for_one_conversation_gets_403_on_another()
    {
        var alice = await StartedAsync();
        var bob = await StartedAsync();
        await bob.SendAsync("private question");

        var read = await alice.GetAsync(conversationId: bob.ConversationId);
        var post = await alice.PostAsync(alice.WebChatMessage("hi"), bob.ConversationId);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task No_token_gets_401()
    {
        var client = await StartedAsync();
        client.Token = string.Empty;

        var response = await client.GetAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("dl1.x.1.y.z")]
    public async Task A_forged_token_gets_403(string token)
    {
        var client = await StartedAsync();
        client.Token = token;

        var response = await client.GetAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_token_edited_to_name_another_conversation_gets_403()
    {
        var alice = await StartedAsync();
        var bob = await StartedAsync();
        alice.Token = alice.Token.Replace(alice.ConversationId, bob.ConversationId, StringComparison.Ordinal);

        var response = await alice.GetAsync(conversationId: bob.ConversationId);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_token_expires_after_its_lifetime()
    {
        var client = await StartedAsync();

        _factory.Time.Advance(TimeSpan.FromMinutes(29));
        var stillValid = await client.GetAsync();
        _factory.Time.Advance(TimeSpan.FromMinutes(2));
        var expired = await client.GetAsync();

        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
    }

    [Fact]
    public async Task Refreshing_a_token_extends_access_to_the_same_conversation()
    {
        var client = await StartedAsync();
        var http = _factory.CreateClient();
        _factory.Time.Advance(TimeSpan.FromMinutes(20));

        var refreshed = await Json.ReadObjectAsync(await http.SendAsync(Json.Post("/v3/directline/tokens/refresh", new System.Text.Json.Nodes.JsonObject(), client.Token)));
        client.Token = refreshed["token"]!.GetValue<string>();
        _factory.Time.Advance(TimeSpan.FromMinutes(20));
        var response = await client.GetAsync();

        Assert.Equal(client.ConversationId, refreshed["conversationId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("a-key-every-replica-is-given-0123456789", HttpStatusCode.OK)]
    [InlineData(null, HttpStatusCode.Forbidden)]
    public async Task A_token_issued_by_one_host_is_accepted_by_another_only_when_they_share_the_signing_key(string? key, HttpStatusCode expected)
    {
        var settings = new Dictionary<string, string?> { ["DirectLine:TokenSigningKey"] = key };
        using var first = new FaqBotWebFactory(settings);
        using var second = new FaqBotWebFactory(settings);
        var issued = await Json.ReadObjectAsync(await first.CreateClient().PostAsync("/v3/directline/tokens/generate", null));

        var refreshed = await second.CreateClient().SendAsync(Json.Post("/v3/directline/tokens/refresh", new System.Text.Json.Nodes.JsonObject(), issued["token"]!.GetValue<string>()));

        Assert.Equal(expected, refreshed.StatusCode);
    }

    [Fact]
    public void A_signing_key_shorter_than_32_characters_stops_the_host_naming_the_setting()
    {
        using var factory = new FaqBotWebFactory(new Dictionary<string, string?> { ["DirectLine:TokenSigningKey"] = "too-short" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("DirectLine:TokenSigningKey", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_token_cannot_be_refreshed()
    {
        var client = await StartedAsync();
        _factory.Time.Advance(TimeSpan.FromMinutes(31));

        var response = await _factory.CreateClient().SendAsync(Json.Post("/v3/directline/tokens/refresh", new System.Text.Json.Nodes.JsonObject(), client.Token));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_idle_conversation_expires_and_then_reads_as_404()
    {
        using var factory = new FaqBotWebFactory(new Dictionary<string, string?>
        {
            ["DirectLine:TokenLifetime"] = "03:00:00",
            ["DirectLine:ConversationIdleTimeout"] = "01:00:00",
        });
        var client = new DirectLineClient(factory.CreateClient());
        await client.StartAsync();
        await client.SendAsync("hello");

        factory.Time.Advance(TimeSpan.FromMinutes(59));
        var active = await client.GetAsync();
        factory.Time.Advance(TimeSpan.FromMinutes(61));
        var expired = await client.GetAsync();

        Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
    }

    [Fact]
    public async Task A_valid_token_for_a_conversation_never_started_gets_404()
    {
        var http = _factory.CreateClient();
        var generated = await Json.ReadObjectAsync(await http.PostAsync("/v3/directline/tokens/generate", null));
        var client = new DirectLineClient(http) { Token = generated["token"]!.GetValue<string>() };

        var response = await client.GetAsync(conversationId: generated["conversationId"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Opening_conversations_without_a_token_is_rate_limited_per_client()
    {
        using var factory = new FaqBotWebFactory(new Dictionary<string, string?> { ["DirectLine:MaxNewConversationsPerMinute"] = "3" });
        var http = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        // The page's token (/api/directline/token) has a budget of its own: Security/RateLimitTests.
        foreach (var path in new[] { "/v3/directline/conversations", "/v3/directline/tokens/generate", "/v3/directline/conversations", "/v3/directline/conversations" })
        {
            statuses.Add((await http.PostAsync(path, null)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
    }
}
