using FaqBot.Knowledge.Model;

namespace FaqBot.Knowledge.Extraction;

/// <summary>One article and the entries extracted from it.</summary>
/// <param name="Article">The article.</param>
/// <param name="Entries">Its entries: the overview first, then in the order they appear.</param>
public sealed record ParsedArticle(Article Article, IReadOnlyList<FaqEntry> Entries);
