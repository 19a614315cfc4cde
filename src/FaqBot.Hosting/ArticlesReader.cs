using FaqBot.Knowledge;
using FaqBot.Knowledge.Extraction;
using Microsoft.Extensions.Options;

namespace FaqBot.Hosting;

/// <summary>
/// Reads the configured articles folder the one way the web host and the CLI commands do: a page that cannot be used is
/// skipped with its reason and the rest is served (unless <c>Knowledge:Strict</c>), and relative links resolve against
/// <c>Knowledge:BaseUrl</c>.
/// </summary>
public sealed class ArticlesReader
{
    private const int PagesNamedInError = 3;

    private readonly ExtractionOptions _options;

    /// <summary>Creates the reader for the folder in <paramref name="paths"/> with the <c>Knowledge</c> settings.</summary>
    /// <exception cref="FormatException"><c>Knowledge:BaseUrl</c> is not an absolute http(s) address.</exception>
    public ArticlesReader(FaqBotPaths paths, IOptions<KnowledgeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        ArticlesDirectory = paths.ArticlesDirectory;
        _options = options.Value.ToExtractionOptions();
    }

    /// <summary>The folder read, as an absolute path.</summary>
    public string ArticlesDirectory { get; }

    /// <summary>
    /// The knowledge base from every usable page, with the pages skipped named relative to <see cref="ArticlesDirectory"/>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="ArticleFormatException">No page can be used, or (when strict) one page cannot.</exception>
    public ExtractionResult Read()
    {
        if (!Directory.Exists(ArticlesDirectory))
        {
            throw new DirectoryNotFoundException($"The articles folder {ArticlesDirectory} does not exist; create it or set Knowledge:ArticlesDirectory.");
        }

        var result = KnowledgeExtractor.ExtractFolder(ArticlesDirectory, _options);
        var skipped = result.Skipped.Select(Relative).ToList();
        if (result.KnowledgeBase.Entries.Count == 0)
        {
            var named = string.Join("; ", skipped.Take(PagesNamedInError));
            var more = skipped.Count > PagesNamedInError ? $"; and {skipped.Count - PagesNamedInError} more" : "";
            throw new ArticleFormatException(ArticlesDirectory, null, $"no page can be used, so there is nothing to answer with: {named}{more}.");
        }

        return result with { Skipped = skipped };
    }

    // Relative to the folder: what /healthz shows (the same on every replica, and no server layout given away).
    private SkippedPage Relative(SkippedPage page)
    {
        var relative = Path.GetRelativePath(ArticlesDirectory, page.FilePath);
        var inside = relative != "." && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
        return inside ? page with { FilePath = relative.Replace('\\', '/') } : page;
    }
}
