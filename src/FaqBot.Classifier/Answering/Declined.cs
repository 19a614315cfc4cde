namespace FaqBot.Classifier.Answering;

/// <summary>The articles do not answer the question; <see cref="AnswerOutcome.Confidence"/> is the best answer's, below the threshold.</summary>
public sealed record Declined(string Question, float Confidence, IReadOnlyList<AnswerAlternative> Alternatives)
    : AnswerOutcome(Question, Confidence, Alternatives)
{
    /// <inheritdoc />
    public override Answer? Shown => null;
}
