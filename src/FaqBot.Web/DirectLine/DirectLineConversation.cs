using System.Globalization;
using Microsoft.Bot.Schema;

namespace FaqBot.Web.DirectLine;

/// <summary>
/// One Direct Line conversation: a bounded history of activities numbered by a sequence (the watermark), the users who
/// joined, and a lock that runs its turns one at a time (bot state is per conversation and not safe for concurrent turns).
/// </summary>
public sealed class DirectLineConversation
{
    private readonly Lock _gate = new();
    private readonly List<(long Sequence, string Id, string Json)> _history = [];
    private readonly HashSet<string> _members = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _ended = new();
    private readonly int _maxActivities;
    private long _sequence;
    private long _lastActivityTicks;
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Creates an empty conversation.</summary>
    public DirectLineConversation(string id, int maxActivities, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
        _maxActivities = maxActivities;
        _lastActivityTicks = now.UtcTicks;
    }

    /// <summary>The conversation id.</summary>
    public string Id { get; }

    /// <summary>Held while a turn runs, so turns in one conversation never overlap.</summary>
    public SemaphoreSlim TurnLock { get; } = new(1, 1);

    /// <summary>Cancelled when the conversation is dropped (idle or evicted), closing its streams.</summary>
    public CancellationToken Ended => _ended.Token;

    /// <summary>The last time a client or the bot used this conversation.</summary>
    public DateTimeOffset LastActivityAt => new(Interlocked.Read(ref _lastActivityTicks), TimeSpan.Zero);

    /// <summary>The sequence number of the newest activity (0 when empty).</summary>
    public long Watermark
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    /// <summary>Marks the conversation as used now, postponing its idle expiry.</summary>
    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastActivityTicks, now.UtcTicks);

    /// <summary>Records that a user is in the conversation; true the first time (so the bot gets a conversationUpdate).</summary>
    public bool AddMember(string userId)
    {
        lock (_gate)
        {
            return _members.Add(userId);
        }
    }

    /// <summary>Assigns the next id (<c>{conversationId}|{seq:0000000}</c>), stores a snapshot of the activity and wakes the streams.</summary>
    public string Append(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        TaskCompletionSource changed;
        string id;
        lock (_gate)
        {
            var sequence = ++_sequence;
            id = Id + "|" + sequence.ToString("0000000", CultureInfo.InvariantCulture);
            activity.Id = id;
            _history.Add((sequence, id, DirectLineJson.Serialize(activity)));
            if (_history.Count > _maxActivities)
            {
                _history.RemoveAt(0);
            }

            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
        return id;
    }

    /// <summary>Replaces a stored activity (same id) and redelivers it to clients; false when the id is unknown.</summary>
    public bool Replace(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        TaskCompletionSource changed;
        lock (_gate)
        {
            var index = _history.FindIndex(entry => entry.Id == activity.Id);
            if (index < 0)
            {
                return false;
            }

            // Moved to the end under a new sequence so clients past the old watermark still receive the update.
            _history.RemoveAt(index);
            _history.Add((++_sequence, activity.Id, DirectLineJson.Serialize(activity)));
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
        return true;
    }

    /// <summary>Removes a stored activity; false when the id is unknown.</summary>
    public bool Remove(string activityId)
    {
        lock (_gate)
        {
            return _history.RemoveAll(entry => entry.Id == activityId) > 0;
        }
    }

    /// <summary>The activities after <paramref name="watermark"/>, and the new watermark.</summary>
    public DirectLineActivitySet GetSince(long watermark)
    {
        lock (_gate)
        {
            var activities = _history.Where(entry => entry.Sequence > watermark).Select(entry => entry.Json).ToList();
            return new DirectLineActivitySet(activities, Math.Max(_sequence, 0));
        }
    }

    /// <summary>Completes once an activity newer than <paramref name="watermark"/> exists.</summary>
    public Task WaitForChangeAsync(long watermark, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _sequence > watermark ? Task.CompletedTask : _changed.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Ends the conversation: streams close and waiters are released. (Nothing to dispose: the semaphore's wait
    /// handle and the token source's timer are never created.)</summary>
    public void End()
    {
        _ended.Cancel();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
