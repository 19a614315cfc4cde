namespace FaqBot.Knowledge.Serialization;

/// <summary>One question/answer pair of a QnA Maker knowledge base.</summary>
/// <param name="Questions">The question first, then its alternative phrasings.</param>
/// <param name="Answer">The answer, as Markdown.</param>
/// <param name="Source">Where QnA Maker took it from (a URL, a file name, or "Editorial").</param>
public sealed record QnaPair(IReadOnlyList<string> Questions, string Answer, string Source);
