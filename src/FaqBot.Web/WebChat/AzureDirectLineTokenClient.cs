using System.Net.Http.Headers;
using FaqBot.Web.DirectLine;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.WebChat;

/// <summary>
/// Exchanges the configured Azure Direct Line secret for a conversation token
/// (<c>POST {AzureEndpoint}tokens/generate</c>), so the browser gets a short-lived token and never the secret.
/// </summary>
public sealed class AzureDirectLineTokenClient(HttpClient http, IOptions<DirectLineOptions> options)
{
    /// <summary>Asks Azure Direct Line for a token for <paramref name="userId"/> (which must start with <c>dl_</c>).</summary>
    public async Task<DirectLineSession> GenerateAsync(string userId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var secret = settings.Secret;
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new InvalidOperationException("DirectLine:Secret is not configured.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.AzureEndpoint, "tokens/generate"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        request.Content = JsonContent.Create(new { user = new { id = userId } });
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"Azure Direct Line refused the token request with {(int)response.StatusCode}; check DirectLine:Secret.",
                null,
                response.StatusCode);
        }

        return await response.Content.ReadFromJsonAsync<DirectLineSession>(cancellationToken)
            ?? throw new HttpRequestException("Azure Direct Line returned an empty token response.");
    }
}
