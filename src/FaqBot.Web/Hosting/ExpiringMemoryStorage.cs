using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Hosting;

/// <summary>
/// The bot's <see cref="IStorage"/>: Bot Framework's <see cref="MemoryStorage"/>, bounded. Entries idle past
/// <see cref="StateOptions.IdleTimeout"/> are swept, and the least recently used go first beyond
/// <see cref="StateOptions.MaxEntries"/>, so a long-running host does not keep every conversation it ever had.
/// </summary>
public sealed class ExpiringMemoryStorage(TimeProvider time, IOptions<StateOptions> options) : IStorage
{
    private readonly MemoryStorage _inner = new();
    private readonly ConcurrentDictionary<string, long> _lastUsedTicks = new(StringComparer.Ordinal);
    private readonly StateOptions _options = options.Value;

    /// <summary>How many entries are held.</summary>
    public int Count => _lastUsedTicks.Count;

    /// <inheritdoc />
    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Touch(keys.Where(_lastUsedTicks.ContainsKey));
        return _inner.ReadAsync(keys, cancellationToken);
    }

    /// <inheritdoc />
    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await _inner.WriteAsync(changes, cancellationToken);
        Touch(changes.Keys);
        var excess = _lastUsedTicks.Count - _options.MaxEntries;
        if (excess > 0)
        {
            var oldest = _lastUsedTicks.OrderBy(entry => entry.Value).Take(excess).Select(entry => entry.Key).ToArray();
            await DeleteAsync(oldest, cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            _lastUsedTicks.TryRemove(key, out _);
        }

        return _inner.DeleteAsync(keys, cancellationToken);
    }

    /// <summary>Drops every entry idle past the timeout; returns how many.</summary>
    public async Task<int> RemoveIdleAsync(CancellationToken cancellationToken)
    {
        var cutoff = (time.GetUtcNow() - _options.IdleTimeout).UtcTicks;
        var idle = _lastUsedTicks.Where(entry => entry.Value <= cutoff).Select(entry => entry.Key).ToArray();
        if (idle.Length > 0)
        {
            await DeleteAsync(idle, cancellationToken);
        }

        return idle.Length;
    }

    private void Touch(IEnumerable<string> keys)
    {
        var now = time.GetUtcNow().UtcTicks;
        foreach (var key in keys)
        {
            _lastUsedTicks[key] = now;
        }
    }
}
