namespace FaqBot.Classifier.Answering;

/// <summary>The question is answered by <paramref name="Answer"/>.</summary>
public sealed record Answered(string Question, Answer Answer, IReadOnlyList<AnswerAlternative> Alternatives)
    : AnswerOutcome(Question, Answer.Confidence, Alternatives)
{
    /// <inheritdoc />
    public override Answer Shown => Answer;
}
