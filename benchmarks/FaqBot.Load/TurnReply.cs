using System.Diagnostics;

namespace FaqBot.Load;

/// <summary>
/// What one <c>/api/messages</c> turn returned: <paramref name="Ok"/> when the status was 200 with at least one message,
/// the replica that served it (the load balancer's <c>X-Served-By</c> header, when there is one) and when it ran
/// (<see cref="Stopwatch"/> timestamps).
/// </summary>
internal sealed record TurnReply(bool Ok, string Failure, IReadOnlyList<BotMessage> Messages, string? ServedBy, long StartedAt, long EndedAt)
{
    public string AllText => string.Join("\n", Messages.Select(m => m.Text));

    public double Milliseconds => Stopwatch.GetElapsedTime(StartedAt, EndedAt).TotalMilliseconds;
}
