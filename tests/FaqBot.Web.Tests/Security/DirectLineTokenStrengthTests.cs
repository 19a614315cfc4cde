using System.Net;
using FaqBot.Web.Tests.DirectLine;
using FaqBot.Web.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace FaqBot.Web.Tests.Security;

/// <summary>
/// Direct Line tokens cannot be guessed or altered: each carries a 256-bit HMAC-SHA256 signature and a 128-bit nonce,
/// and changing any single character refuses it. (Scope, expiry, refresh and CORS are covered by the host's own tests in
/// DirectLine/DirectLineTokenTests and WebChat/WebChatPageTests.)
/// </summary>
public sealed class DirectLineTokenStrengthTests : IDisposable
{
    private readonly FaqBotWebFactory _factory = new();

    [Fact]
    public async Task Tokens_carry_a_256_bit_signature_and_a_fresh_nonce_every_time()
    {
        var http = _factory.CreateClient();
        var client = new DirectLineClient(http);
        await client.StartAsync();
        var tokens = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            var refreshed = await http.SendAsync(Json.Post("/v3/directline/tokens/refresh", new System.Text.Json.Nodes.JsonObject(), client.Token));
            tokens.Add((await Json.ReadObjectAsync(refreshed))["token"]!.GetValue<string>());
        }

        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
        foreach (var token in tokens)
        {
            var parts = token.Split('.');
            Assert.True(WebEncoders.Base64UrlDecode(parts[^1]).Length >= 32, "signature shorter than 256 bits");
            Assert.True(WebEncoders.Base64UrlDecode(parts[^2]).Length >= 16, "nonce shorter than 128 bits");
        }
    }

    [Fact]
    public async Task Changing_any_single_character_of_a_token_gets_403()
    {
        var http = _factory.CreateClient();
        var client = new DirectLineClient(http);
        await client.StartAsync();
        await client.SendAsync("hello");
        var token = client.Token;

        for (var i = 0; i < token.Length; i++)
        {
            var altered = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            var response = await http.SendAsync(Json.Get($"/v3/directline/conversations/{client.ConversationId}/activities", altered));

            Assert.True(response.StatusCode is HttpStatusCode.Forbidden, $"character {i} changed: {(int)response.StatusCode}");
        }
    }

    public void Dispose() => _factory.Dispose();
}
