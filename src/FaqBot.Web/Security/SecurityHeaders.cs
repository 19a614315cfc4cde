using FaqBot.Web.DirectLine;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Security;

/// <summary>
/// The headers every response carries: a Content-Security-Policy that lets the Web Chat page run only this host's own
/// scripts and be framed only by the origins in <c>Cors:AllowedOrigins</c>, <c>X-Content-Type-Options: nosniff</c> and
/// a <c>Referrer-Policy</c>. Built once from the settings at start.
/// </summary>
public sealed class SecurityHeaders
{
    /// <summary>Creates the headers from the CORS origins and, when the page uses Azure Direct Line, its address.</summary>
    public SecurityHeaders(IConfiguration configuration, IOptions<DirectLineOptions> directLine)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(directLine);
        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        var frameAncestors = origins.Length == 0 ? "'self'" : "'self' " + string.Join(' ', origins);

        // With a Direct Line secret the page talks to Azure Direct Line (HTTPS and its WebSocket stream) instead of this host.
        var connect = "'self'";
        if (!string.IsNullOrWhiteSpace(directLine.Value.Secret))
        {
            var azure = directLine.Value.AzureEndpoint;
            connect += $" {azure.Scheme}://{azure.Authority} wss://{azure.Authority}";
        }

        // Web Chat injects its styles at run time (emotion), hence 'unsafe-inline' for styles only; scripts are this
        // host's files alone, and nothing may be embedded, posted or based elsewhere.
        ContentSecurityPolicy = string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "media-src 'self' data: blob:",
            "connect-src " + connect,
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors " + frameAncestors);
    }

    /// <summary>The <c>Content-Security-Policy</c> header's value.</summary>
    public string ContentSecurityPolicy { get; }

    /// <summary>The <c>Referrer-Policy</c>: links in answers do not tell other sites which page the user was on.</summary>
    public static string ReferrerPolicy => "no-referrer";

    /// <summary>Sets the headers on <paramref name="response"/> (when it starts, so a cleared response keeps them).</summary>
    public void Apply(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = ReferrerPolicy;
    }
}
