using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace FaqBot.Bot.State;

/// <summary>
/// <see cref="ConversationState"/> on <see cref="ExpiringMemoryStorage"/>, loading with one read and saving with one
/// write, of typed JSON. Two costs of <see cref="BotState"/> are left out, both measured as a large part of a turn
/// under load:
/// <list type="bullet">
/// <item>its change detection, which serialises the whole state to JSON once on load and twice on save to compare
/// hashes: on a store where a write is a buffer copy in memory it costs more than the write it saves. So a turn that
/// loaded state always writes it back (which also keeps an active conversation from expiring), and a turn that never
/// loaded it writes nothing;</item>
/// <item>Json.NET with type names, which the storage needs to give any object back as its own type. Here a property
/// whose value is one of the plain data types given at construction (with System.Text.Json metadata, source-generated
/// for the dialog's data) is written straight to UTF-8 without type names, and read back as the type this instance saw
/// it saved as. A value of any other type sends the whole state through the storage's own object path instead, as
/// <see cref="BotState"/> would.</item>
/// </list>
/// </summary>
public sealed class ExpiringConversationState : ConversationState
{
    // BotState caches the loaded state in the turn state under the key its constructor was given, and ConversationState
    // gives nameof(ConversationState). Bot Builder keeps that key private: ExpiringConversationStateTests pins it, and
    // LoadAsync checks that GetCachedState finds what it stored, so a Bot Builder that moves it fails loudly, not silently.
    internal const string TurnStateKey = nameof(ConversationState);

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    private readonly ExpiringMemoryStorage _storage;
    private readonly Dictionary<Type, JsonTypeInfo> _jsonTypes;

    // Property name → the type its value had when this instance first saved it as JSON. The storage lives in this
    // process, so every JSON it holds for this state was written here, and its properties' types are known.
    private readonly ConcurrentDictionary<string, JsonTypeInfo> _propertyTypes = new(StringComparer.Ordinal);

    /// <summary>Creates the state on <paramref name="storage"/>.</summary>
    /// <param name="storage">Where the state is kept.</param>
    /// <param name="jsonTypes">
    /// Property value types stored as typed JSON, by their System.Text.Json metadata: plain data types that it writes and
    /// reads back whole (public properties, no <see cref="object"/>-typed or polymorphic members). Other values take the
    /// storage's object path.
    /// </param>
    public ExpiringConversationState(ExpiringMemoryStorage storage, IEnumerable<JsonTypeInfo>? jsonTypes = null)
        : base(storage)
    {
        _storage = storage;
        _jsonTypes = (jsonTypes ?? []).ToDictionary(info => info.Type);
    }

    /// <inheritdoc />
    public override Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!force && GetCachedState(turnContext)?.State is not null)
        {
            return Task.CompletedTask;
        }

        var key = GetStorageKey(turnContext);
        var buffer = Buffer();
        switch (_storage.ReadJson(key, buffer))
        {
            case StoredJson.Missing:
                Cache(turnContext, new Dictionary<string, object>());
                return Task.CompletedTask;
            case StoredJson.Json:
                Cache(turnContext, ReadTyped(buffer.WrittenSpan));
                return Task.CompletedTask;
            default:
                return LoadObjectAsync(turnContext, key, cancellationToken);
        }
    }

    /// <inheritdoc />
    public override Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var cached = GetCachedState(turnContext);
        if (cached?.State is not { } state)
        {
            // Not loaded this turn, so not changed.
            return Task.CompletedTask;
        }

        var key = GetStorageKey(turnContext);
        if (!AllTyped(state))
        {
            return _storage.WriteAsync(new Dictionary<string, object> { [key] = state }, cancellationToken);
        }

        var buffer = Buffer();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in state)
            {
                writer.WritePropertyName(name);
                if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    JsonSerializer.Serialize(writer, value, _jsonTypes[value.GetType()]);
                }
            }

            writer.WriteEndObject();
        }

        _storage.WriteJson(key, buffer.WrittenSpan);
        return Task.CompletedTask;
    }

    // State as written by the storage's object path: the dictionary it wrote, or a JSON object from a store without type names.
    private async Task LoadObjectAsync(ITurnContext turnContext, string key, CancellationToken cancellationToken)
    {
        var items = await _storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        Cache(turnContext, items.TryGetValue(key, out var stored) ? AsState(key, stored) : new Dictionary<string, object>());
    }

    private void Cache(ITurnContext turnContext, IDictionary<string, object> state)
    {
        // The constructor hashes the dictionary it is given, so it gets an empty one (nothing to hash); nothing here reads the hash.
        var cached = new CachedBotState(new Dictionary<string, object>()) { State = state };
        turnContext.TurnState[TurnStateKey] = cached;
        if (!ReferenceEquals(GetCachedState(turnContext), cached))
        {
            throw new InvalidOperationException(
                $"This version of Bot Builder no longer caches conversation state under '{TurnStateKey}'; {nameof(ExpiringConversationState)} must be updated to match it.");
        }
    }

    // Every value is null or of a JSON type, and of the same type as when its property was first saved as JSON.
    private bool AllTyped(IDictionary<string, object> state)
    {
        foreach (var (name, value) in state)
        {
            if (value is null)
            {
                continue;
            }

            if (!_jsonTypes.TryGetValue(value.GetType(), out var info) || _propertyTypes.GetOrAdd(name, info) != info)
            {
                return false;
            }
        }

        return true;
    }

    private Dictionary<string, object> ReadTyped(ReadOnlySpan<byte> utf8Json)
    {
        var state = new Dictionary<string, object>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(utf8Json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                state[name] = null!;
            }
            else if (_propertyTypes.TryGetValue(name, out var info))
            {
                state[name] = JsonSerializer.Deserialize(ref reader, info)!;
            }
            else
            {
                // Saved by another instance on the same storage; BotState's accessors convert a JSON token to their type.
                using var element = JsonDocument.ParseValue(ref reader);
                state[name] = JToken.Parse(element.RootElement.GetRawText());
            }
        }

        return state;
    }

    private static ArrayBufferWriter<byte> Buffer()
    {
        // Per thread, and never held across an await; one huge state must not pin a huge buffer to the thread for good.
        if (t_buffer is not { Capacity: <= 64 * 1024 } buffer)
        {
            t_buffer = buffer = new ArrayBufferWriter<byte>(1024);
        }

        buffer.ResetWrittenCount();
        return buffer;
    }

    private static IDictionary<string, object> AsState(string key, object stored) => stored switch
    {
        IDictionary<string, object> state => state,
        JObject json => json.ToObject<Dictionary<string, object>>() ?? [],
        _ => throw new InvalidOperationException($"Conversation state '{key}' in storage is a {stored.GetType().Name}, not a dictionary of properties."),
    };
}
