using System.Text;
using FaqBot.Bot.DirectLine;
using Microsoft.Bot.Schema;

namespace FaqBot.Web.DirectLine;

/// <summary>
/// One conversation of <see cref="MemoryDirectLineStore"/>: its members and a history of activities (UTF-8 JSON, numbered
/// by a sequence, the watermark) kept within a count and a byte budget, oldest dropped first, the newest always kept.
/// </summary>
internal sealed class DirectLineConversation
{
    private readonly Lock _gate = new();
    private readonly List<(long Sequence, string Id, byte[] Json)> _history = [];
    private readonly HashSet<string> _members = new(StringComparer.Ordinal);
    private readonly DirectLineLimits _limits;
    private long _sequence;
    private long _bytes;
    private long _lastUsedTicks;
    private bool _ended;
    private TaskCompletionSource _changed = NewSignal();

    public DirectLineConversation(string id, DirectLineLimits limits, DateTimeOffset now)
    {
        Id = id;
        _limits = limits;
        _lastUsedTicks = now.UtcTicks;
    }

    public string Id { get; }

    public DateTimeOffset LastUsedAt => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastUsedTicks, now.UtcTicks);

    /// <summary>Completes at the next change; already complete once the conversation has ended.</summary>
    public Task NextChange
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    public bool AddMember(string userId)
    {
        lock (_gate)
        {
            return !_ended && _members.Add(DirectLineLimits.MemberKey(userId));
        }
    }

    /// <summary>Stores the activity under the next id; returns it and the change in bytes held, or null once ended.</summary>
    public (string Id, long BytesAdded)? Append(Activity activity)
    {
        TaskCompletionSource changed;
        long delta;
        string id;
        lock (_gate)
        {
            if (_ended)
            {
                return null;
            }

            var before = _bytes;
            var sequence = ++_sequence;
            id = DirectLineLimits.ActivityId(Id, sequence);
            activity.Id = id;
            Add(sequence, id, activity);
            Trim();
            delta = _bytes - before;
            changed = Signal();
        }

        changed.TrySetResult();
        return (id, delta);
    }

    /// <summary>Moves the activity with the same id to the end under a new sequence; null when unknown, else the change in bytes held.</summary>
    public long? Replace(Activity activity)
    {
        TaskCompletionSource changed;
        long delta;
        lock (_gate)
        {
            var index = _history.FindIndex(entry => entry.Id == activity.Id);
            if (_ended || index < 0)
            {
                return null;
            }

            var before = _bytes;
            RemoveAt(index);
            Add(++_sequence, activity.Id, activity);
            Trim();
            delta = _bytes - before;
            changed = Signal();
        }

        changed.TrySetResult();
        return delta;
    }

    /// <summary>Removes the activity; null when unknown, else the (negative) change in bytes held.</summary>
    public long? Remove(string activityId)
    {
        lock (_gate)
        {
            var index = _history.FindIndex(entry => entry.Id == activityId);
            if (index < 0)
            {
                return null;
            }

            var before = _bytes;
            RemoveAt(index);
            return _bytes - before;
        }
    }

    /// <summary>The activities after <paramref name="watermark"/> and the new watermark; null once ended.</summary>
    public DirectLineActivitySet? GetSince(long watermark)
    {
        lock (_gate)
        {
            if (_ended)
            {
                return null;
            }

            var activities = _history.Where(entry => entry.Sequence > watermark).Select(entry => Encoding.UTF8.GetString(entry.Json)).ToList();
            return new DirectLineActivitySet(activities, _sequence);
        }
    }

    /// <summary>Ends the conversation: its history is released, its streams are woken (and then find it gone). Returns the bytes it held.</summary>
    public long End()
    {
        TaskCompletionSource changed;
        long released;
        lock (_gate)
        {
            if (_ended)
            {
                return 0;
            }

            _ended = true;
            released = _bytes;
            _history.Clear();
            _members.Clear();
            _bytes = 0;
            changed = _changed;
        }

        changed.TrySetResult();
        return released;
    }

    private void Add(long sequence, string id, Activity activity)
    {
        var json = Encoding.UTF8.GetBytes(DirectLineJson.Serialize(activity));
        _history.Add((sequence, id, json));
        _bytes += json.Length;
    }

    private void Trim()
    {
        while (_history.Count > 1 && (_history.Count > _limits.MaxActivitiesPerConversation || _bytes > _limits.MaxBytesPerConversation))
        {
            RemoveAt(0);
        }
    }

    private void RemoveAt(int index)
    {
        _bytes -= _history[index].Json.Length;
        _history.RemoveAt(index);
    }

    private TaskCompletionSource Signal()
    {
        var changed = _changed;
        _changed = NewSignal();
        return changed;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
