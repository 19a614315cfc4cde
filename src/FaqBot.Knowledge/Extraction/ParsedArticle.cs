using FaqBot.Knowledge.Model;

namespace FaqBot.Knowledge.Extraction;

/// <summary>One article and the entries extracted from it.</summary>
/// <param name="Article">The article.</param>
/// <param name="Entries">Its entries: the overview first, then in the order they appear.</param>
public sealed record ParsedArticle(Article Article, IReadOnlyList<FaqEntry> Entries)
{
    /// <summary>Problems in the page that were worked around (an include not found, a link shown as text, ...).</summary>
    public IReadOnlyList<ExtractionWarning> Warnings { get; init; } = [];

    /// <summary>Relative links shown as plain text, because neither a canonical URL nor a base URL was known to resolve them.</summary>
    public int LinksAsText { get; init; }
}
