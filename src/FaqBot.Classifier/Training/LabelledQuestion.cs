namespace FaqBot.Classifier.Training;

/// <summary>A question with its expected entry (or <see cref="AnswerLabels.OutOfScope"/>) and optionally the fact the answer must contain.</summary>
/// <param name="Question">The question.</param>
/// <param name="ExpectedEntryId">Entry id, or out-of-scope.</param>
/// <param name="ExpectedFact">A substring the shown answer must contain, if given.</param>
public sealed record LabelledQuestion(string Question, string ExpectedEntryId, string? ExpectedFact = null)
{
    /// <summary>True when the question should be declined.</summary>
    public bool IsOutOfScope => ExpectedEntryId == AnswerLabels.OutOfScope || ExpectedEntryId == "OOS";
}
