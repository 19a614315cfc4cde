using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Hosting;

/// <summary>
/// Counts open connections (a Kestrel connection middleware) and marks those opened past
/// <see cref="ConnectionLimitsOptions.MaxConnections"/>, whose requests then get 503 except <c>/healthz</c>.
/// </summary>
public sealed class ConnectionGate
{
    private const string OverLimitKey = "FaqBot.ConnectionOverLimit";
    private readonly int _maxConnections;
    private int _open;

    /// <summary>Creates the gate for the resolved limits.</summary>
    public ConnectionGate(IOptions<ConnectionLimitsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _maxConnections = options.Value.MaxConnections ?? throw new InvalidOperationException("Connections:MaxConnections is resolved at start.");
    }

    /// <summary>Connections open now.</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>The Kestrel connection middleware: counts the connection while it is open, marking it when over the limit.</summary>
    public async Task OnConnectionAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(next);
        if (Interlocked.Increment(ref _open) > _maxConnections)
        {
            connection.Items[OverLimitKey] = true;
        }

        try
        {
            await next(connection);
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }

    /// <summary>True when the request arrived on a connection opened past the limit.</summary>
    public static bool IsOverLimit(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(OverLimitKey, out var flag) == true && flag is true;
    }
}
