using FaqBot.Knowledge.Model;

namespace FaqBot.Knowledge.Extraction;

/// <summary>What reading a folder gave: the knowledge base from the usable pages, and what was left out and why.</summary>
/// <param name="KnowledgeBase">Entries of every usable page (may be empty when no page was usable).</param>
/// <param name="Skipped">Pages that could not be used, with the reason.</param>
/// <param name="Snippets">Files meant for inclusion (no heading, or under an <c>includes/</c> folder), not served on their own.</param>
/// <param name="Warnings">Problems inside used pages that were worked around (missing includes, unsafe links, ...).</param>
public sealed record ExtractionResult(
    KnowledgeBase KnowledgeBase,
    IReadOnlyList<SkippedPage> Skipped,
    IReadOnlyList<string> Snippets,
    IReadOnlyList<ExtractionWarning> Warnings)
{
    /// <summary>Number of pages whose entries are served.</summary>
    public int PagesUsed => KnowledgeBase.Articles.Count;

    /// <summary>Relative links shown as plain text, because no canonical URL or <see cref="ExtractionOptions.BaseUrl"/> resolved them.</summary>
    public int LinksAsText { get; init; }

    /// <summary>Number of passages over all entries.</summary>
    public int PassageCount => KnowledgeBase.Entries.Sum(e => e.Passages.Count);
}
