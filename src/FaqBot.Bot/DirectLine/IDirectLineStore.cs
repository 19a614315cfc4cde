using Microsoft.Bot.Schema;

namespace FaqBot.Bot.DirectLine;

/// <summary>
/// Where the built-in Direct Line endpoint keeps its conversations: each one's members and a bounded history of
/// activities numbered by a per-conversation sequence (the watermark). In this process's memory by default; in
/// PostgreSQL with <c>Storage:Provider=Postgres</c>, so a Web Chat client whose requests land on different replicas keeps
/// its conversation. A conversation idle past <see cref="DirectLineLimits.IdleTimeout"/> reads as unknown.
/// </summary>
public interface IDirectLineStore
{
    /// <summary>Creates the conversation unless it is live already; true when it was created now.</summary>
    Task<bool> CreateAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>True when the conversation is live (known and not idle past the timeout).</summary>
    Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Marks the conversation as used now, postponing its idle expiry (a store may skip a touch a moment after the last).</summary>
    Task TouchAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Records that a user is in the conversation; true the first time (so the bot gets a conversationUpdate).</summary>
    Task<bool> AddMemberAsync(string conversationId, string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Gives the activity the conversation's next id (<c>{conversationId}|{sequence:0000000}</c>), stores it, trims the
    /// history to its limits (oldest first, the newest always kept) and wakes the conversation's streams. Returns the id,
    /// or null when the conversation is no longer live (nothing is stored).
    /// </summary>
    Task<string?> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Replaces a stored activity (same id) under a new sequence, so clients past the old watermark get it again; false when unknown.</summary>
    Task<bool> ReplaceAsync(string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Removes a stored activity; false when unknown.</summary>
    Task<bool> RemoveAsync(string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>The kept activities after <paramref name="watermark"/> and the new watermark; null when the conversation is not live.</summary>
    Task<DirectLineActivitySet?> GetSinceAsync(string conversationId, long watermark, CancellationToken cancellationToken);

    /// <summary>
    /// A task that completes at the conversation's next change (an activity appended or replaced, the conversation
    /// dropped) on any replica, or earlier: a waiter must read again and may find nothing new. Take it before reading, so
    /// a change between the read and the wait is not missed. It never faults.
    /// </summary>
    Task NextChange(string conversationId);

    /// <summary>The key that signs this endpoint's tokens when <c>DirectLine:TokenSigningKey</c> is not set: one per process in memory, one per database in PostgreSQL.</summary>
    Task<byte[]> GetSigningKeyAsync(CancellationToken cancellationToken);

    /// <summary>Drops every conversation idle past the timeout; returns how many.</summary>
    Task<int> RemoveIdleAsync(CancellationToken cancellationToken);
}
