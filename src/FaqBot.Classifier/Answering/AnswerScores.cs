namespace FaqBot.Classifier.Answering;

/// <summary>The raw scores behind one answer (used by calibration and evaluation).</summary>
/// <param name="InScope">1 − P(out of scope).</param>
/// <param name="Entries">Entries with their summed passage probability, best first.</param>
/// <param name="PassageLabel">The passage chosen inside the best entry.</param>
public sealed record AnswerScores(float InScope, IReadOnlyList<(string EntryId, float Score)> Entries, string? PassageLabel)
{
    /// <summary>Share of the question's content-word IDF mass that the knowledge base's vocabulary holds (0–1).</summary>
    public double Coverage { get; init; }

    /// <summary>The best match between the question and any entry's own questions and headings (0–1).</summary>
    public double QuestionMatch { get; init; }

    /// <summary>A second passage of the chosen entry worth showing with the first, or null.</summary>
    public string? SecondPassageLabel { get; init; }
}
