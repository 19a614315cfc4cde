using Microsoft.Bot.Builder;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Internal;
using Microsoft.Extensions.Options;

namespace FaqBot.Bot.State;

/// <summary>
/// Bot state in this process's memory, on <see cref="MemoryCache"/>: a key idle for <see cref="StateOptions.IdleTimeout"/>
/// expires, and at <see cref="StateOptions.MaxEntries"/> the cache drops the least recently used keys (a write that
/// arrives while it is full and compacting is dropped, which costs that conversation its context).
/// </summary>
public sealed class MemoryCacheStorage : IStorage, IDisposable
{
    private readonly MemoryCache _cache;
    private readonly MemoryCacheEntryOptions _entryOptions;
    private readonly Lock _writeGate = new();
    private long _eTag;

    /// <summary>Creates the storage; <paramref name="time"/> is the clock idle time is measured on.</summary>
    public MemoryCacheStorage(IOptions<StateOptions> options, TimeProvider time)
    {
        var bounds = options.Value;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = bounds.MaxEntries, Clock = new TimeProviderClock(time) });
        _entryOptions = new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = bounds.IdleTimeout };
    }

    /// <summary>Keys held now (expired keys may count until the cache next looks at them).</summary>
    public int Count => _cache.Count;

    /// <inheritdoc />
    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>(keys.Length);
        foreach (var key in keys)
        {
            if (_cache.TryGetValue(key, out Entry? entry))
            {
                items[key] = StoredState.FromJson(entry!.Json, entry.ETag);
            }
        }

        return Task.FromResult<IDictionary<string, object>>(items);
    }

    /// <inheritdoc />
    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_writeGate)
        {
            // Every ETag is checked before anything is written: a conflict leaves the whole batch unwritten.
            foreach (var (key, value) in changes)
            {
                if (StoredState.RequiredETag(key, value) is { } required && _cache.TryGetValue(key, out Entry? stored) && stored!.ETag != required)
                {
                    throw StoredState.Conflict(key, required);
                }
            }

            foreach (var (key, value) in changes)
            {
                _cache.Set(key, new Entry(StoredState.ToJson(value), (++_eTag).ToString(System.Globalization.CultureInfo.InvariantCulture)), _entryOptions);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            _cache.Remove(key);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose() => _cache.Dispose();

    private sealed record Entry(string Json, string ETag);

    private sealed class TimeProviderClock(TimeProvider time) : ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
