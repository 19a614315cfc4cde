using FaqBot.Classifier.Answering;

namespace FaqBot.Classifier.Tests;

/// <summary>Two outcomes are the same when they decide alike, show the same answer and carry the same confidences.</summary>
internal sealed class OutcomeComparer : IEqualityComparer<AnswerOutcome>
{
    public static OutcomeComparer Instance { get; } = new();

    public bool Equals(AnswerOutcome? x, AnswerOutcome? y) =>
        x is not null && y is not null
        && x.GetType() == y.GetType()
        && x.Confidence == y.Confidence
        && x.Shown == y.Shown
        && x.Alternatives.SequenceEqual(y.Alternatives);

    public int GetHashCode(AnswerOutcome obj) => obj.Confidence.GetHashCode();
}
