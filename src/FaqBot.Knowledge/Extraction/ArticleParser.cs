using FaqBot.Knowledge.Reading;
using Markdig;
using Markdig.Syntax;

namespace FaqBot.Knowledge.Extraction;

/// <summary>Turns one article into entries: FAQ pairs, content sections, and the article as a whole.</summary>
public static class ArticleParser
{
    /// <summary>Reads and parses the article file at <paramref name="filePath"/>.</summary>
    /// <param name="filePath">The file, as the user named it (used in error messages).</param>
    /// <param name="sourcePath">What to record as the article's source (defaults to the file name).</param>
    /// <exception cref="ArticleFormatException">The file cannot be read or is not a usable article.</exception>
    public static ParsedArticle ParseFile(string filePath, string? sourcePath = null) =>
        Parse(ArticleFile.Read(filePath, sourcePath ?? Path.GetFileName(filePath)));

    /// <summary>Parses article text already in memory (tests, tools); <paramref name="filePath"/> names it in errors.</summary>
    /// <exception cref="ArticleFormatException">The text is not a usable article.</exception>
    public static ParsedArticle ParseText(string text, string filePath, string? sourcePath = null) =>
        Parse(ArticleFile.Prepare(text, filePath, sourcePath ?? Path.GetFileName(filePath)));

    /// <summary>Parses a prepared article.</summary>
    /// <exception cref="ArticleFormatException">The article is nested too deeply, has no headings, an unanswered FAQ question, or an id that cannot be made.</exception>
    public static ParsedArticle Parse(ArticleSource source) => new ArticleExtraction(source, ParseMarkdown(source)).Run();

    /// <summary>The page's entries, or null when it is a snippet meant for inclusion (it has no heading at all).</summary>
    internal static ParsedArticle? ParseUnlessSnippet(ArticleSource source)
    {
        var document = ParseMarkdown(source);
        return ArticleExtraction.HasHeadings(document) ? new ArticleExtraction(source, document).Run() : null;
    }

    private static MarkdownDocument ParseMarkdown(ArticleSource source)
    {
        try
        {
            return Markdown.Parse(source.Body, KnowledgePipeline.Instance);
        }
        catch (ArgumentException ex)
        {
            // Markdig refuses input nested past its depth limit (block quotes, lists, brackets, emphasis) with a bare ArgumentException.
            throw new ArticleFormatException(source.FilePath, null,
                $"is nested too deeply to be an article ({ex.Message.TrimEnd('.')}); flatten the block quotes, lists or brackets.", ex);
        }
    }
}
