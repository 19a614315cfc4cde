using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace FaqBot.Bot.State;

/// <summary>
/// <see cref="ConversationState"/> on <see cref="ExpiringMemoryStorage"/>, loading with one read and saving with one
/// write. <see cref="BotState"/> detects changes by serialising the whole state to JSON once on load and twice on save
/// and comparing the hashes; on a store where a write is a buffer copy in memory, that costs more than the write it
/// saves, and under load it was a quarter of what state cost a turn. So a turn that loaded state always writes it back
/// (which also keeps an active conversation from expiring), and a turn that never loaded it writes nothing.
/// </summary>
public sealed class ExpiringConversationState : ConversationState
{
    // BotState caches the loaded state in the turn state under the key its constructor was given, and ConversationState
    // gives nameof(ConversationState). Bot Builder keeps that key private: ExpiringConversationStateTests pins it, and
    // LoadAsync checks that GetCachedState finds what it stored, so a Bot Builder that moves it fails loudly, not silently.
    internal const string TurnStateKey = nameof(ConversationState);

    private readonly ExpiringMemoryStorage _storage;

    /// <summary>Creates the state on <paramref name="storage"/>.</summary>
    public ExpiringConversationState(ExpiringMemoryStorage storage)
        : base(storage)
    {
        _storage = storage;
    }

    /// <inheritdoc />
    public override async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!force && GetCachedState(turnContext)?.State is not null)
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        var items = await _storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        var state = items.TryGetValue(key, out var stored) ? AsState(key, stored) : new Dictionary<string, object>();

        // The constructor hashes the dictionary it is given, so it gets an empty one (nothing to hash); nothing here reads the hash.
        var cached = new CachedBotState(new Dictionary<string, object>()) { State = state };
        turnContext.TurnState[TurnStateKey] = cached;
        if (!ReferenceEquals(GetCachedState(turnContext), cached))
        {
            throw new InvalidOperationException(
                $"This version of Bot Builder no longer caches conversation state under '{TurnStateKey}'; {nameof(ExpiringConversationState)} must be updated to match it.");
        }
    }

    /// <inheritdoc />
    public override Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var cached = GetCachedState(turnContext);
        if (cached?.State is null)
        {
            // Not loaded this turn, so not changed.
            return Task.CompletedTask;
        }

        return _storage.WriteAsync(new Dictionary<string, object> { [GetStorageKey(turnContext)] = cached.State }, cancellationToken);
    }

    // What BotState accepts from storage: the dictionary it wrote, or the same as a JSON object from a store without type names.
    private static IDictionary<string, object> AsState(string key, object stored) => stored switch
    {
        IDictionary<string, object> state => state,
        JObject json => json.ToObject<Dictionary<string, object>>() ?? [],
        _ => throw new InvalidOperationException($"Conversation state '{key}' in storage is a {stored.GetType().Name}, not a dictionary of properties."),
    };
}
