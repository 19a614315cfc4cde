namespace FaqBot.Knowledge.Model;

/// <summary>
/// One answerable unit: a question (or several phrasings of it) and the Markdown that answers it,
/// with where it came from.
/// </summary>
/// <param name="Id">Stable slug of article + heading/question; unchanged when unrelated text moves.</param>
/// <param name="ArticleId">The <see cref="Article.Id"/> it came from.</param>
/// <param name="Kind">Where in the article the entry came from.</param>
/// <param name="Questions">The question first, then alternative phrasings. Never empty.</param>
/// <param name="Answer">The whole answer as Markdown (links kept as Markdown links).</param>
/// <param name="HeadingPath">Headings from the article title down to the section, e.g. ["How To Deep Clean Pores", "FAQ Section"].</param>
/// <param name="Link">Address of the section (canonical URL + heading anchor), or null when the article has no canonical URL.</param>
/// <param name="Passages">The paragraphs and list blocks that make up the answer, in order.</param>
/// <param name="Line">1-based line in the source file where the entry starts.</param>
public sealed record FaqEntry(
    string Id,
    string ArticleId,
    EntryKind Kind,
    IReadOnlyList<string> Questions,
    string Answer,
    IReadOnlyList<string> HeadingPath,
    string? Link,
    IReadOnlyList<Passage> Passages,
    int Line)
{
    /// <summary>The main question, shown to users as the entry's title.</summary>
    public string Question => Questions[0];
}
