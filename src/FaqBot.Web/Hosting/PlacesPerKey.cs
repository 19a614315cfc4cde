namespace FaqBot.Web.Hosting;

/// <summary>
/// At most a fixed number of places held at once per key (a client's connections, a conversation's streams). A key
/// holding none is forgotten, so keys seen once cost nothing afterwards. Thread-safe.
/// </summary>
public sealed class PlacesPerKey
{
    private readonly Dictionary<string, int> _held = new(StringComparer.Ordinal);
    private readonly int _maxPerKey;

    /// <summary>Creates the counter; each key may hold <paramref name="maxPerKey"/> places.</summary>
    public PlacesPerKey(int maxPerKey)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPerKey);
        _maxPerKey = maxPerKey;
    }

    /// <summary>Takes a place for <paramref name="key"/>; false when it already holds the most allowed.</summary>
    public bool TryEnter(string key)
    {
        lock (_held)
        {
            var held = _held.GetValueOrDefault(key);
            if (held >= _maxPerKey)
            {
                return false;
            }

            _held[key] = held + 1;
            return true;
        }
    }

    /// <summary>Gives back a place taken by <see cref="TryEnter"/>.</summary>
    public void Exit(string key)
    {
        lock (_held)
        {
            if (_held.TryGetValue(key, out var held) && held > 1)
            {
                _held[key] = held - 1;
            }
            else
            {
                _held.Remove(key);
            }
        }
    }
}
