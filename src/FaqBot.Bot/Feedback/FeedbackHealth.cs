namespace FaqBot.Bot.Feedback;

/// <summary>
/// Whether feedback can be stored, for <c>/healthz</c>: the last failure to open or write the store, cleared by the
/// next event stored. The bot keeps answering either way; this only tells the operator that nothing is being kept.
/// </summary>
public sealed class FeedbackHealth
{
    private Failure? _failure;

    /// <summary>Why the last attempt to store feedback failed, or null while it works.</summary>
    public string? Problem => Volatile.Read(ref _failure)?.Problem;

    /// <summary>When it failed.</summary>
    public DateTimeOffset? ProblemAt => Volatile.Read(ref _failure)?.At;

    /// <summary>Feedback could not be stored because of <paramref name="problem"/>.</summary>
    public void Failed(string problem, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(problem);
        Volatile.Write(ref _failure, new Failure(problem, at));
    }

    /// <summary>The store accepted an event (or opened): clears the last failure.</summary>
    public void Worked() => Volatile.Write(ref _failure, null);

    private sealed record Failure(string Problem, DateTimeOffset At);
}
