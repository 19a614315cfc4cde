namespace FaqBot.Classifier.Answering;

/// <summary>How an <see cref="Answerer"/> ranks, decides and shows.</summary>
/// <param name="DeclineThreshold">Decline when the confidence (the scope model's probability) is below this.</param>
/// <param name="ClarificationMargin">Ask "Did you mean…?" when the best entry's score leads the next entry's by less than this.</param>
/// <param name="LexicalWeight">Weight of BM25 (relative to the best match) in a unit's score; the embedding's weight is 1.</param>
/// <param name="SentenceWeight">Weight of the unit's best-matching sentence in its score.</param>
/// <param name="MaxShownLength">Longest first answer (characters): the best passage with its entry's next best ones.</param>
public sealed record AnswerSettings(
    float DeclineThreshold = 0.45f,
    float ClarificationMargin = 0.015f,
    float LexicalWeight = 0.05f,
    float SentenceWeight = 0.3f,
    int MaxShownLength = 1600)
{
    /// <summary>The defaults, measured on the evaluation sets (docs/performance.md).</summary>
    public static AnswerSettings Default { get; } = new();
}
