namespace FaqBot.Classifier.Text;

/// <summary>A question read once by <see cref="QueryNormalizer.Analyze"/>.</summary>
/// <param name="Tokens">Its words as typed, lowercased (<see cref="Tokenizer.Split"/>).</param>
/// <param name="ContentWords">Its content words after slang, synonyms and typos are fixed.</param>
/// <param name="Stems">The stems of <paramref name="ContentWords"/>, in the same order.</param>
public sealed record QueryAnalysis(IReadOnlyList<string> Tokens, IReadOnlyList<string> ContentWords, IReadOnlyList<string> Stems);
