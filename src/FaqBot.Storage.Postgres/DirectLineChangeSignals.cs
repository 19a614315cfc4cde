using System.Collections.Concurrent;

namespace FaqBot.Storage.Postgres;

/// <summary>
/// Wakes this replica's Direct Line streams when their conversation changes: on this replica's own writes, and on the
/// notifications <see cref="PostgresDirectLineListener"/> receives from the others. A signal is a task that completes
/// once; the next waiter gets a new one.
/// </summary>
public sealed class DirectLineChangeSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new(StringComparer.Ordinal);

    /// <summary>Completes at the next <see cref="Wake"/> of the conversation (or <see cref="WakeAll"/>).</summary>
    public Task Next(string conversationId) =>
        _signals.GetOrAdd(conversationId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Wakes the conversation's waiters.</summary>
    public void Wake(string conversationId)
    {
        if (_signals.TryRemove(conversationId, out var signal))
        {
            signal.TrySetResult();
        }
    }

    /// <summary>
    /// Wakes every waiter, so each reads again: after the listener lost its connection (notifications may have been
    /// missed), and now and then so streams of conversations that expired elsewhere close and no signal outlives its streams.
    /// </summary>
    public void WakeAll()
    {
        foreach (var conversationId in _signals.Keys)
        {
            Wake(conversationId);
        }
    }
}
