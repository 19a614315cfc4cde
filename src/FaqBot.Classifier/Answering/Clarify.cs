namespace FaqBot.Classifier.Answering;

/// <summary>
/// A close call: show <paramref name="Best"/>, then ask "Did you mean…?" with <paramref name="Candidates"/> (best first,
/// <paramref name="Best"/> included), each ready to show when picked.
/// </summary>
public sealed record Clarify(string Question, Answer Best, IReadOnlyList<Answer> Candidates, IReadOnlyList<AnswerAlternative> Alternatives)
    : AnswerOutcome(Question, Best.Confidence, Alternatives)
{
    /// <inheritdoc />
    public override Answer Shown => Best;
}
