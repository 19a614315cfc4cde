using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Hosting;

/// <summary>
/// Counts open connections (a Kestrel connection middleware): closes at once a client's connections past
/// <see cref="ConnectionLimitsOptions.MaxConnectionsPerClient"/>, and marks those opened past
/// <see cref="ConnectionLimitsOptions.MaxConnections"/>: each gets <see cref="ConnectionLimitsOptions.OverLimitRequestTimeout"/>
/// to send one request, answered 503 (<c>/healthz</c> served), then closes.
/// </summary>
public sealed class ConnectionGate
{
    private const string OverLimitKey = "FaqBot.ConnectionOverLimit";
    private readonly int _maxConnections;
    private readonly ForwardedHeadersOptions _proxies;
    private readonly TimeProvider _time;
    private readonly PlacesPerKey _perClient;
    private int _open;

    /// <summary>Creates the gate for the resolved limits and the trusted proxies.</summary>
    public ConnectionGate(IOptions<ConnectionLimitsOptions> options, IOptions<ForwardedHeadersOptions> proxies, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(proxies);
        _maxConnections = options.Value.MaxConnections ?? throw new InvalidOperationException("Connections:MaxConnections is resolved at start.");
        _perClient = new PlacesPerKey(options.Value.MaxConnectionsPerClient ?? throw new InvalidOperationException("Connections:MaxConnectionsPerClient is resolved at start."));
        _proxies = proxies.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Connections open now.</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>
    /// The Kestrel connection middleware: closes the connection at once when its client already holds the most allowed,
    /// otherwise counts it while it is open, marking it when over the limit.
    /// </summary>
    public async Task OnConnectionAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(next);
        var client = ClientOf(connection);
        if (client is not null && !_perClient.TryEnter(client))
        {
            // Returning without serving closes it: one address cannot hold the connections other clients and the health probe need.
            return;
        }

        try
        {
            using var deadline = Interlocked.Increment(ref _open) > _maxConnections ? MarkOverLimit(connection) : null;
            await next(connection);
        }
        finally
        {
            Interlocked.Decrement(ref _open);
            if (client is not null)
            {
                _perClient.Exit(client);
            }
        }
    }

    /// <summary>
    /// The request middleware: a request on a connection opened past the limit stops its deadline and gets 503 with
    /// Retry-After (<c>/healthz</c> is served), and the connection closes after the response.
    /// </summary>
    public static Task OnRequestAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(OverLimitKey, out var item) != true || item is not ITimer deadline)
        {
            return next(context);
        }

        deadline.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (HttpProtocol.IsHttp11(context.Request.Protocol) || HttpProtocol.IsHttp10(context.Request.Protocol))
        {
            context.Response.Headers.Connection = "close";
        }

        if (context.Request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        context.Response.Headers.RetryAfter = "10";
        return Results.Problem(detail: "The server has too many open connections; try again shortly.", statusCode: StatusCodes.Status503ServiceUnavailable)
            .ExecuteAsync(context);
    }

    // Past the limit a connection that sends no request within the timeout is closed, so idle connections cannot sit in
    // the headroom kept for /healthz; the request middleware stops the timer when a request arrives.
    private ITimer MarkOverLimit(ConnectionContext connection)
    {
        var deadline = _time.CreateTimer(_ => connection.Abort(), null, ConnectionLimitsOptions.OverLimitRequestTimeout, Timeout.InfiniteTimeSpan);
        connection.Items[OverLimitKey] = deadline;
        return deadline;
    }

    // Null for a trusted proxy (it carries many clients; their per-client limit belongs in the proxy) or a non-IP peer.
    private string? ClientOf(ConnectionContext connection)
    {
        if (connection.RemoteEndPoint is not IPEndPoint { Address: var address })
        {
            return null;
        }

        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        var trusted = _proxies.KnownProxies.Contains(address) || _proxies.KnownIPNetworks.Any(network => network.Contains(address));
        return trusted ? null : ClientPartition.Of(address);
    }
}
