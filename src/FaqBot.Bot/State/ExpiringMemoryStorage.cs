using System.Buffers;
using System.Text;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FaqBot.Bot.State;

/// <summary>
/// An in-memory <see cref="IStorage"/> like <see cref="MemoryStorage"/> (typed JSON copies, kept as UTF-8; the same eTag rules) that stays bounded:
/// keys idle longer than <see cref="ExpiringStorageOptions.IdleTimeout"/> expire, and past
/// <see cref="ExpiringStorageOptions.MaxEntries"/> the least recently used key is evicted. Thread-safe; every operation is O(keys touched).
/// </summary>
public sealed class ExpiringMemoryStorage : IStorage
{
    // Type names are kept, as in MemoryStorage, so state reads back as the bot's own types and a bot that changes the
    // object it got from a state property (as FaqDialog does) has that change saved. MemoryStorage writes them on every
    // object (All); Auto with the root written as object writes them only where the declared type does not say it (the
    // root and the values of BotState's object dictionary), which reads back the same types from a third of the text.
    // Only the bot's own objects are ever serialized here, never client JSON, so type names cannot be injected.
#pragma warning disable CA2326, CA2327 // See above: TypeNameHandling on data this process wrote itself.
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.Auto,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
    });
#pragma warning restore CA2326, CA2327

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Slot>> _slots = new(StringComparer.Ordinal);

    // Least recently used first, so expiry and eviction only ever look at the head.
    private readonly LinkedList<Slot> _byLastAccess = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _idleTimeout;
    private readonly int _maxEntries;
    private long _eTag;
    private long _expired;
    private long _evicted;

    /// <summary>Creates the storage with the given bounds; <paramref name="time"/> is the clock idle time is measured on.</summary>
    public ExpiringMemoryStorage(ExpiringStorageOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        if (options.IdleTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.IdleTimeout, "Bot:State:IdleTimeout must be positive, e.g. \"00:30:00\".");
        }

        if (options.MaxEntries < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxEntries, "Bot:State:MaxEntries must be at least 1.");
        }

        _idleTimeout = options.IdleTimeout;
        _maxEntries = options.MaxEntries;
        _time = time;
    }

    /// <summary>Keys held now (after dropping the idle ones).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                ExpireIdle(_time.GetUtcNow());
                return _slots.Count;
            }
        }
    }

    /// <summary>Keys dropped so far because they were idle past the timeout.</summary>
    public long Expired => Interlocked.Read(ref _expired);

    /// <summary>Keys dropped so far because the store was full.</summary>
    public long Evicted => Interlocked.Read(ref _evicted);

    /// <inheritdoc />
    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new List<(string Key, string State)>(keys.Length);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            ExpireIdle(now);
            foreach (var key in keys)
            {
                if (_slots.TryGetValue(key, out var node))
                {
                    Touch(node, now);
                    if (node.Value.Read() is { } state)
                    {
                        found.Add((key, state));
                    }
                }
            }
        }

        // The text read is this call's own copy, so it is parsed outside the lock, and each read is a fresh object: the
        // caller's edits never reach the store without a write.
        var items = new Dictionary<string, object>(found.Count, StringComparer.Ordinal);
        foreach (var (key, state) in found)
        {
            if (Deserialize(state) is { } copy)
            {
                items[key] = copy;
            }
        }

        return Task.FromResult<IDictionary<string, object>>(items);
    }

    /// <inheritdoc />
    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);

        // Serialize outside the lock: it is the expensive part and touches only the caller's objects. An item with an
        // eTag (rare: bot state has none) is serialized inside, once its new eTag is known.
        var serialized = changes
            .Select(c => (c.Key, Value: c.Value, Incoming: ETagOf(c.Value)))
            .Select(c => (c.Key, c.Value, c.Incoming, Text: c.Value is null || c.Incoming.Present ? null : Serialize(c.Value, null)))
            .ToList();
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            ExpireIdle(now);

            // Check every eTag before writing anything, so a conflicting batch changes nothing.
            foreach (var (key, _, incoming, _) in serialized)
            {
                var current = _slots.TryGetValue(key, out var node) ? node.Value.ETag : null;
                if (current is not null && incoming.Present && incoming.ETag != "*" && incoming.ETag != current)
                {
                    throw new InvalidOperationException($"Etag conflict for '{key}'. Original: {incoming.ETag}, current: {current}.");
                }
            }

            foreach (var (key, value, incoming, text) in serialized)
            {
                // Only items that carry an eTag get a new one, as in MemoryStorage; it is stamped into the stored JSON.
                var eTag = value is not null && incoming.Present ? (++_eTag).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
                var state = eTag is null ? text : Serialize(value!, eTag);

                var slot = SlotFor(key, now);
                slot.Write(state);
                slot.ETag = eTag;
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Copies the UTF-8 JSON of <paramref name="key"/> into <paramref name="destination"/> when it was stored by
    /// <see cref="WriteJson"/>, for an owner that serialises its own state; counts as a use of the key, like a read.
    /// </summary>
    /// <returns>What the key holds: nothing, JSON written by <see cref="WriteJson"/> (copied), or an object written by
    /// <see cref="WriteAsync"/> (not copied: read it with <see cref="ReadAsync"/>).</returns>
    public StoredJson ReadJson(string key, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(destination);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            ExpireIdle(now);
            if (!_slots.TryGetValue(key, out var node) || node.Value.IsEmpty)
            {
                return StoredJson.Missing;
            }

            Touch(node, now);
            return node.Value.CopyJsonTo(destination) ? StoredJson.Json : StoredJson.Object;
        }
    }

    /// <summary>
    /// Stores <paramref name="utf8Json"/> as the value of <paramref name="key"/>, for an owner that serialises its own
    /// state (read it back with <see cref="ReadJson"/>; <see cref="ReadAsync"/> reads it as a JSON object). The JSON is
    /// not checked here: the caller wrote it.
    /// </summary>
    public void WriteJson(string key, ReadOnlySpan<byte> utf8Json)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            ExpireIdle(now);
            var slot = SlotFor(key, now);
            slot.WriteJson(utf8Json);
            slot.ETag = null;
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (_slots.Remove(key, out var node))
                {
                    _byLastAccess.Remove(node);
                }
            }
        }

        return Task.CompletedTask;
    }

    // MemoryStorage checks eTags on IStoreItems and on JSON objects that carry an "ETag"; a plain object has none.
    private static (bool Present, string? ETag) ETagOf(object? value) => value switch
    {
        IStoreItem item => (true, item.ETag),
        JObject json when json.ContainsKey("ETag") => (true, json.Value<string>("ETag")),
        _ => (false, null),
    };

    // The key's slot, marked as used now: its own, or a new one (evicting the least recently used past the cap). Under the lock.
    private Slot SlotFor(string key, DateTimeOffset now)
    {
        if (_slots.TryGetValue(key, out var node))
        {
            Touch(node, now);
            return node.Value;
        }

        var slot = new Slot(key, now);
        _slots[key] = _byLastAccess.AddLast(slot);
        EvictOverflow();
        return slot;
    }

    private void Touch(LinkedListNode<Slot> node, DateTimeOffset now)
    {
        node.Value.LastAccess = now;
        _byLastAccess.Remove(node);
        _byLastAccess.AddLast(node);
    }

    private void ExpireIdle(DateTimeOffset now)
    {
        while (_byLastAccess.First is { } oldest && now - oldest.Value.LastAccess >= _idleTimeout)
        {
            Drop(oldest);
            _expired++;
        }
    }

    private void EvictOverflow()
    {
        while (_slots.Count > _maxEntries && _byLastAccess.First is { } oldest)
        {
            Drop(oldest);
            _evicted++;
        }
    }

    private void Drop(LinkedListNode<Slot> node)
    {
        _byLastAccess.Remove(node);
        _slots.Remove(node.Value.Key);
    }

    // Compact JSON rather than a JObject tree: a fraction of the memory per conversation (see Slot), and one pass to
    // write and one to read. Every turn does both once, so the writer's text buffer is reused per thread and both sides
    // borrow Json.NET's scratch buffers from a pool: a turn allocates little more than the text itself.
    private static string Serialize(object value, string? eTag)
    {
        var writer = t_writer ??= new StringWriter(new StringBuilder(1024), System.Globalization.CultureInfo.InvariantCulture);
        writer.GetStringBuilder().Clear();
        using (var json = new JsonTextWriter(writer) { ArrayPool = CharPool.Instance, CloseOutput = false })
        {
            Serializer.Serialize(json, value, typeof(object));
        }

        var text = writer.ToString();
        if (writer.GetStringBuilder().Capacity > 64 * 1024)
        {
            // One huge state must not pin a huge buffer to this thread for good.
            t_writer = null;
        }

        if (eTag is null)
        {
            return text;
        }

        var stamped = JObject.Parse(text);
        stamped["ETag"] = eTag;
        return stamped.ToString(Formatting.None);
    }

    private static object? Deserialize(string state)
    {
        using var reader = new JsonTextReader(new StringReader(state)) { ArrayPool = CharPool.Instance };
        return Serializer.Deserialize<object>(reader);
    }

    [ThreadStatic]
    private static StringWriter? t_writer;

    private sealed class CharPool : IArrayPool<char>
    {
        public static readonly CharPool Instance = new();

        public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

        public void Return(char[]? array)
        {
            if (array is not null)
            {
                ArrayPool<char>.Shared.Return(array);
            }
        }
    }

    // One key's state as UTF-8 JSON in a buffer the slot keeps and overwrites, guarded by the storage's lock. A string
    // per write would live exactly as long as a conversation's pause between turns: long enough to be promoted out of
    // the youngest GC generation, short enough to die soon after, which under load made the GC copy every conversation's
    // state and run gen1 and gen2 collections. The buffer is allocated once per conversation (again only when the
    // state outgrows it) and lives as long as the conversation. UTF-8 also halves the text's memory.
    // Either form is JSON: WriteAsync's text with type names, or an owner's own JSON (WriteJson), which ReadAsync reads
    // back as a JSON object.
    private sealed class Slot(string key, DateTimeOffset lastAccess)
    {
        private byte[]? _utf8;
        private int _length = -1;
        private bool _ownersJson;

        public string Key { get; } = key;

        public string? ETag { get; set; }

        public DateTimeOffset LastAccess { get; set; } = lastAccess;

        public bool IsEmpty => _length < 0;

        public string? Read() => _length < 0 ? null : Encoding.UTF8.GetString(_utf8!, 0, _length);

        public void Write(string? state)
        {
            _ownersJson = false;
            if (state is null)
            {
                _length = -1;
                return;
            }

            _length = Encoding.UTF8.GetBytes(state, Room(Encoding.UTF8.GetByteCount(state)));
        }

        public void WriteJson(ReadOnlySpan<byte> utf8Json)
        {
            utf8Json.CopyTo(Room(utf8Json.Length));
            _length = utf8Json.Length;
            _ownersJson = true;
        }

        public bool CopyJsonTo(IBufferWriter<byte> destination)
        {
            if (!_ownersJson)
            {
                return false;
            }

            destination.Write(_utf8.AsSpan(0, _length));
            return true;
        }

        private byte[] Room(int needed)
        {
            if (_utf8 is null || _utf8.Length < needed || _utf8.Length > 4 * Math.Max(needed, 256))
            {
                // Room to grow (the last question and answer change length from turn to turn) without reallocating each time.
                _utf8 = new byte[needed + (needed / 4)];
            }

            return _utf8;
        }
    }
}
