namespace FaqBot.Classifier.Training;

/// <summary>A question with what a right answer is: out of scope, an entry, or any answer showing a fact.</summary>
/// <param name="Question">The question.</param>
/// <param name="ExpectedEntryId">An entry id (full or short), <see cref="AnyEntry"/>, or <see cref="AnswerLabels.OutOfScope"/>.</param>
/// <param name="ExpectedFact">Text the shown answer must contain; alternatives separated by <c> || </c>.</param>
public sealed record LabelledQuestion(string Question, string ExpectedEntryId, string? ExpectedFact = null)
{
    /// <summary>The expected entry of a question judged by its fact alone.</summary>
    public const string AnyEntry = "*";

    /// <summary>True when the question should be declined.</summary>
    public bool IsOutOfScope => ExpectedEntryId == AnswerLabels.OutOfScope || ExpectedEntryId == "OOS";

    /// <summary>The acceptable facts (empty when judged by entry only).</summary>
    public IReadOnlyList<string> Facts => ExpectedFact is null
        ? []
        : [.. ExpectedFact.Split(" || ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
