using System.Collections.Concurrent;
using System.Security.Cryptography;
using FaqBot.Bot.DirectLine;
using Microsoft.Bot.Schema;

namespace FaqBot.Web.DirectLine;

/// <summary>
/// Direct Line conversations in this process's memory (one replica): bounded in number and in bytes of history, per
/// conversation and in all, dropped when idle; the least recently used conversations make room.
/// </summary>
public sealed class MemoryDirectLineStore(TimeProvider time, DirectLineLimits limits, ILogger<MemoryDirectLineStore> logger)
    : IDirectLineStore
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _evictionGate = new();
    private readonly byte[] _signingKey = RandomNumberGenerator.GetBytes(32);
    private long _bytes;

    /// <summary>How many conversations are live.</summary>
    public int Count => _conversations.Count;

    /// <summary>The UTF-8 bytes of activity JSON held over all conversations.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <inheritdoc />
    public Task<bool> CreateAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (Find(conversationId) is not null)
        {
            return Task.FromResult(false);
        }

        lock (_evictionGate)
        {
            if (_conversations.ContainsKey(conversationId))
            {
                return Task.FromResult(false);
            }

            while (_conversations.Count >= limits.MaxConversations && EvictLeastRecentlyUsed(except: null, "conversations", limits.MaxConversations))
            {
            }

            _conversations[conversationId] = new DirectLineConversation(conversationId, limits, time.GetUtcNow());
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(conversationId) is not null);

    /// <inheritdoc />
    public Task TouchAsync(string conversationId, CancellationToken cancellationToken)
    {
        Find(conversationId)?.Touch(time.GetUtcNow());
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> AddMemberAsync(string conversationId, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(conversationId)?.AddMember(userId) ?? false);

    /// <inheritdoc />
    public Task<string?> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversation = Find(conversationId);
        if (conversation?.Append(activity) is not var (id, added))
        {
            return Task.FromResult<string?>(null);
        }

        conversation.Touch(time.GetUtcNow());
        Account(conversation, added);
        return Task.FromResult<string?>(id);
    }

    /// <inheritdoc />
    public Task<bool> ReplaceAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversation = Find(conversationId);
        if (conversation?.Replace(activity) is not { } added)
        {
            return Task.FromResult(false);
        }

        Account(conversation, added);
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task<bool> RemoveAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        if (Find(conversationId)?.Remove(activityId) is not { } removed)
        {
            return Task.FromResult(false);
        }

        Interlocked.Add(ref _bytes, removed);
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task<DirectLineActivitySet?> GetSinceAsync(string conversationId, long watermark, CancellationToken cancellationToken) =>
        Task.FromResult(Find(conversationId)?.GetSince(watermark));

    /// <inheritdoc />
    public Task NextChange(string conversationId) => Find(conversationId)?.NextChange ?? Task.CompletedTask;

    /// <inheritdoc />
    public Task<byte[]> GetSigningKeyAsync(CancellationToken cancellationToken) => Task.FromResult(_signingKey);

    /// <inheritdoc />
    public Task<int> RemoveIdleAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var dropped = 0;
        foreach (var conversation in _conversations.Values)
        {
            if (IsIdle(conversation, now) && Drop(conversation))
            {
                dropped++;
            }
        }

        return Task.FromResult(dropped);
    }

    private DirectLineConversation? Find(string conversationId)
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

    // Adds a conversation's change in bytes to the total; over the store's budget, other conversations make room.
    private void Account(DirectLineConversation conversation, long added)
    {
        if (Interlocked.Add(ref _bytes, added) <= limits.MaxBytes)
        {
            return;
        }

        lock (_evictionGate)
        {
            while (Bytes > limits.MaxBytes && EvictLeastRecentlyUsed(except: conversation, "bytes", limits.MaxBytes))
            {
            }
        }
    }

    private bool IsIdle(DirectLineConversation conversation, DateTimeOffset now) => now - conversation.LastUsedAt >= limits.IdleTimeout;

    private bool EvictLeastRecentlyUsed(DirectLineConversation? except, string limit, long max)
    {
        var oldest = _conversations.Values.Where(conversation => conversation != except).MinBy(conversation => conversation.LastUsedAt);
        if (oldest is null)
        {
            return false;
        }

        logger.LogInformation("Direct Line is at its limit of {Max} {Limit}; dropping {ConversationId}", max, limit, oldest.Id);
        Drop(oldest);
        return true;
    }

    private bool Drop(DirectLineConversation conversation)
    {
        if (!_conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(conversation.Id, conversation)))
        {
            return false;
        }

        Interlocked.Add(ref _bytes, -conversation.End());
        return true;
    }
}
