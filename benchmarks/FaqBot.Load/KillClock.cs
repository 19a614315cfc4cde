using System.Diagnostics;

namespace FaqBot.Load;

/// <summary>
/// When the replica was killed, as <see cref="Stopwatch"/> timestamps (0 until then), read by every user of the run
/// (over <c>/api/messages</c> and over Direct Line) to place its turns before or after the kill.
/// </summary>
internal sealed class KillClock
{
    private long _sent;
    private long _done;

    public long Sent => Interlocked.Read(ref _sent);

    public long Done => Interlocked.Read(ref _done);

    public void MarkSent() => Interlocked.Exchange(ref _sent, Stopwatch.GetTimestamp());

    public void MarkDone() => Interlocked.Exchange(ref _done, Stopwatch.GetTimestamp());

    /// <summary>The turn ended after the kill was sent (a turn in flight on the killed replica fails then).</summary>
    public bool EndedAfterKill(TurnReply reply) => Sent != 0 && reply.EndedAt > Sent;

    /// <summary>The turn started once the killed replica was gone.</summary>
    public bool StartedAfterKill(TurnReply reply) => Done != 0 && reply.StartedAt > Done;

    /// <summary><paramref name="before"/> ended before the kill and <paramref name="after"/> started after it.</summary>
    public bool Straddles(TurnReply before, TurnReply after) => Sent != 0 && Done != 0 && before.EndedAt < Sent && after.StartedAt > Done;
}
