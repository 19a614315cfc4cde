namespace FaqBot.Knowledge.Extraction;

/// <summary>A question found in an FAQ section and the parts that answer it.</summary>
/// <param name="Question">The question as plain text, without its "Q1:" prefix.</param>
/// <param name="Line">1-based line of the question.</param>
/// <param name="Parts">The answer.</param>
internal sealed record FaqPair(string Question, int Line, List<AnswerPart> Parts)
{
    /// <summary>Other ways to ask it, from further "Q:" lines before the answer.</summary>
    public IReadOnlyList<string> Alternates { get; init; } = [];

    /// <summary>The question first, then its alternates.</summary>
    public IReadOnlyList<string> Questions => [Question, .. Alternates.Where(a => a != Question)];
}
