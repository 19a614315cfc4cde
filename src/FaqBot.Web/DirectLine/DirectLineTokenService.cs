using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.DirectLine;

/// <summary>
/// Issues and checks Direct Line tokens: HMAC-SHA256 over (conversation id, expiry, nonce) with a 256-bit key made at start,
/// so a token opens exactly one conversation, expires, and cannot be forged. Tokens end with the process, as conversations do.
/// </summary>
public sealed class DirectLineTokenService
{
    private const string Version = "dl1";
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly TimeProvider _time;
    private readonly DirectLineOptions _options;

    /// <summary>Creates the service with a fresh signing key.</summary>
    public DirectLineTokenService(TimeProvider time, IOptions<DirectLineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _options = options.Value;
    }

    /// <summary>The token lifetime in whole seconds, as Direct Line's <c>expires_in</c>.</summary>
    public int ExpiresInSeconds => (int)_options.TokenLifetime.TotalSeconds;

    /// <summary>Makes a new random conversation id (128 bits, hex).</summary>
    public static string NewConversationId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Issues a token for <paramref name="conversationId"/> valid for the configured lifetime.</summary>
    public string Issue(string conversationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var expires = _time.GetUtcNow().Add(_options.TokenLifetime).ToUnixTimeSeconds();
        var nonce = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        var payload = string.Join('.', Version, conversationId, expires.ToString(CultureInfo.InvariantCulture), nonce);
        return payload + "." + Sign(payload);
    }

    /// <summary>Checks signature and expiry; null when the token is forged, malformed or expired.</summary>
    public DirectLineTokenClaims? Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512)
        {
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length != 5 || parts[0] != Version)
        {
            return null;
        }

        var payload = token[..token.LastIndexOf('.')];
        var expected = Encoding.ASCII.GetBytes(Sign(payload));
        var actual = Encoding.ASCII.GetBytes(parts[4]);
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return null;
        }

        if (!long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresUnix))
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(expiresUnix);
        return expires <= _time.GetUtcNow() ? null : new DirectLineTokenClaims(parts[1], expires);
    }

    private string Sign(string payload) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload)));
}
