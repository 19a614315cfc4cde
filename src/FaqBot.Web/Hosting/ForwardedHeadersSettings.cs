using System.Net;

namespace FaqBot.Web.Hosting;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the host believes (section
/// <c>ForwardedHeaders</c>). Empty (the default): the headers are ignored, so no client can pick the address its
/// requests are counted under.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of the proxies in front of the host, e.g. <c>127.0.0.1</c> for nginx on the same machine.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR form, e.g. <c>10.0.0.0/8</c> for a load balancer's subnet.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>True when at least one proxy is trusted.</summary>
    public bool Enabled => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    /// <summary>The first setting that is not an address (or network), naming its key; null when all parse.</summary>
    public string? Invalid() =>
        KnownProxies.Select((p, i) => IPAddress.TryParse(p, out _) ? null : $"ForwardedHeaders:KnownProxies:{i} ('{p}') is not an IP address.")
            .Concat(KnownNetworks.Select((n, i) => IPNetwork.TryParse(n, out _) ? null : $"ForwardedHeaders:KnownNetworks:{i} ('{n}') is not a network in CIDR form (e.g. 10.0.0.0/8)."))
            .FirstOrDefault(error => error is not null);
}
