using System.ComponentModel.DataAnnotations;

namespace FaqBot.Web.Hosting;

/// <summary>
/// How many connections the host keeps open (section <c>Connections</c>), so a flood of idle TCP or WebSocket
/// connections meets a limit instead of the open-file limit and the memory of the process.
/// </summary>
public sealed class ConnectionLimitsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Connections";

    /// <summary>Connections above <see cref="MaxConnections"/> that Kestrel still accepts, so <c>/healthz</c> answers while the others get 503.</summary>
    public const int HealthHeadroom = 32;

    /// <summary>How long a connection opened past <see cref="MaxConnections"/> may take to send its one request before it is closed.</summary>
    public static readonly TimeSpan OverLimitRequestTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Plain HTTP connections served; beyond it every request but <c>/healthz</c> gets 503 and closes its connection,
    /// and beyond it plus <see cref="HealthHeadroom"/> Kestrel closes new connections at once. Unset: two thirds of three quarters of the
    /// open-file limit, at most 4,000.
    /// </summary>
    [Range(1, 1_000_000)]
    public int? MaxConnections { get; set; }

    /// <summary>
    /// Connections one client (an IPv4 address or an IPv6 /64; a proxy listed in <c>ForwardedHeaders</c> excepted) may
    /// hold open, WebSockets included; its next ones are closed at once, so one address cannot take the connections other
    /// clients and the health probe need. Unset: a quarter of <see cref="MaxConnections"/>.
    /// </summary>
    [Range(1, 1_000_000)]
    public int? MaxConnectionsPerClient { get; set; }

    /// <summary>WebSocket connections (Direct Line streams) open at once; beyond it a stream request gets 503. Unset: a third of three quarters of the open-file limit, at most 1,000.</summary>
    [Range(1, 1_000_000)]
    public int? MaxUpgradedConnections { get; set; }

    /// <summary>WebSocket streams one Direct Line conversation may hold open (a few tabs of the same chat); beyond it, 429.</summary>
    [Range(1, 100)]
    public int MaxStreamsPerConversation { get; set; } = 4;

    /// <summary>The open-file limit the defaults were derived from (null where it cannot be read).</summary>
    public long? OpenFileLimit { get; set; }
}
