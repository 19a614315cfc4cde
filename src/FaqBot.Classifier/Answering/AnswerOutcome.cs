namespace FaqBot.Classifier.Answering;

/// <summary>
/// What the engine made of one question: <see cref="Answered"/>, <see cref="Clarify"/> or <see cref="Declined"/>.
/// <see cref="Confidence"/> is the one confidence shown everywhere and compared with the decline threshold.
/// </summary>
/// <param name="Question">The question as asked.</param>
/// <param name="Confidence">How sure the engine is that its best answer answers the question, 0 to 1.</param>
/// <param name="Alternatives">The best entries with their confidences, best first (for reports and tuning).</param>
public abstract record AnswerOutcome(string Question, float Confidence, IReadOnlyList<AnswerAlternative> Alternatives)
{
    /// <summary>The answer a user sees first, or null when the question was declined.</summary>
    public abstract Answer? Shown { get; }
}
