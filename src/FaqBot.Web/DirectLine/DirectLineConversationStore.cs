using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.DirectLine;

/// <summary>All live Direct Line conversations, bounded in number, dropped when idle.</summary>
public sealed class DirectLineConversationStore(
    TimeProvider time,
    IOptions<DirectLineOptions> options,
    ILogger<DirectLineConversationStore> logger)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _createGate = new();
    private readonly DirectLineOptions _options = options.Value;

    /// <summary>How many conversations are live.</summary>
    public int Count => _conversations.Count;

    /// <summary>Returns the conversation, creating it when new; evicts the least recently used one when full.</summary>
    public DirectLineConversation GetOrCreate(string conversationId, out bool created)
    {
        if (Find(conversationId) is { } existing)
        {
            created = false;
            return existing;
        }

        lock (_createGate)
        {
            if (_conversations.TryGetValue(conversationId, out existing))
            {
                created = false;
                return existing;
            }

            while (_conversations.Count >= _options.MaxConversations && EvictLeastRecentlyUsed())
            {
            }

            var conversation = new DirectLineConversation(conversationId, _options.MaxActivitiesPerConversation, time.GetUtcNow());
            _conversations[conversationId] = conversation;
            created = true;
            return conversation;
        }
    }

    /// <summary>The live conversation with this id, or null when unknown or idle past the timeout.</summary>
    public DirectLineConversation? Find(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return null;
        }

        if (IsIdle(conversation, time.GetUtcNow()))
        {
            Drop(conversation);
            return null;
        }

        return conversation;
    }

    /// <summary>Drops every conversation idle past the timeout; returns how many.</summary>
    public int RemoveIdle()
    {
        var now = time.GetUtcNow();
        var dropped = 0;
        foreach (var conversation in _conversations.Values)
        {
            if (IsIdle(conversation, now))
            {
                Drop(conversation);
                dropped++;
            }
        }

        return dropped;
    }

    private bool IsIdle(DirectLineConversation conversation, DateTimeOffset now) =>
        now - conversation.LastActivityAt >= _options.ConversationIdleTimeout;

    private bool EvictLeastRecentlyUsed()
    {
        var oldest = _conversations.Values.MinBy(conversation => conversation.LastActivityAt);
        if (oldest is null)
        {
            return false;
        }

        logger.LogInformation("Direct Line is at its limit of {Max} conversations; dropping {ConversationId}", _options.MaxConversations, oldest.Id);
        Drop(oldest);
        return true;
    }

    private void Drop(DirectLineConversation conversation)
    {
        if (_conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(conversation.Id, conversation)))
        {
            conversation.End();
        }
    }
}
