using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FaqBot.Bot.DirectLine;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.DirectLine;

/// <summary>
/// Issues and checks Direct Line tokens: HMAC-SHA256 over (conversation id, expiry, nonce), so a token opens exactly one
/// conversation, expires, and cannot be forged. The key is read once at start-up (a hosted service, before the host
/// serves): <c>DirectLine:TokenSigningKey</c> when set, else the conversation store's (one per database with PostgreSQL, so
/// a token issued by one replica is accepted by every replica; one per process in memory).
/// </summary>
public sealed class DirectLineTokenService : IHostedService
{
    // dl2 says whether the conversation had started when the token was issued; dl1 (issued before) is read as not started.
    private const string Version = "dl2";
    private const string LegacyVersion = "dl1";
    private readonly TimeProvider _time;
    private readonly DirectLineOptions _options;
    private readonly IDirectLineStore _store;
    private byte[]? _key;

    /// <summary>Creates the service; its key is read when the host starts.</summary>
    public DirectLineTokenService(TimeProvider time, IOptions<DirectLineOptions> options, IDirectLineStore store)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _options = options.Value;
        _store = store;
    }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken) =>
        _key = string.IsNullOrEmpty(_options.TokenSigningKey)
            ? await _store.GetSigningKeyAsync(cancellationToken)
            : Encoding.UTF8.GetBytes(_options.TokenSigningKey);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The token lifetime in whole seconds, as Direct Line's <c>expires_in</c>.</summary>
    public int ExpiresInSeconds => (int)_options.TokenLifetime.TotalSeconds;

    /// <summary>Makes a new random conversation id (128 bits, hex).</summary>
    public static string NewConversationId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// Issues a token for <paramref name="conversationId"/> valid for the configured lifetime. <paramref name="started"/>:
    /// the conversation exists (so a refresh after it is dropped is a 404), rather than being opened by this token later.
    /// </summary>
    public string Issue(string conversationId, bool started)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var expires = _time.GetUtcNow().Add(_options.TokenLifetime).ToUnixTimeSeconds();
        var nonce = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        var payload = string.Join('.', Version, conversationId, expires.ToString(CultureInfo.InvariantCulture), started ? "s" : "n", nonce);
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
        var current = parts.Length == 6 && parts[0] == Version && parts[3] is "s" or "n";
        if (!current && !(parts.Length == 5 && parts[0] == LegacyVersion))
        {
            return null;
        }

        var payload = token[..token.LastIndexOf('.')];
        var expected = Encoding.ASCII.GetBytes(Sign(payload));
        var actual = Encoding.ASCII.GetBytes(parts[^1]);
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return null;
        }

        if (!long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresUnix))
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(expiresUnix);
        return expires <= _time.GetUtcNow() ? null : new DirectLineTokenClaims(parts[1], expires, Started: current && parts[3] == "s");
    }

    private string Sign(string payload) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(
            _key ?? throw new InvalidOperationException("The Direct Line signing key is read when the host starts."),
            Encoding.UTF8.GetBytes(payload)));
}
