using FaqBot.Knowledge.Reading.Dialects;

namespace FaqBot.Knowledge.Reading;

/// <summary>An article ready for Markdig: its Markdown body and its front matter.</summary>
/// <param name="FilePath">The file as the user named it, for error messages.</param>
/// <param name="SourcePath">The path recorded in the knowledge base (relative to the articles folder where possible).</param>
/// <param name="Body">
/// The Markdown with the outer fence and front matter blanked out (not removed) and its dialect rewritten to CommonMark
/// (includes expanded), so that line numbers can be traced back to the original file.
/// </param>
/// <param name="FrontMatter">The parsed front matter.</param>
public sealed record ArticleSource(string FilePath, string SourcePath, string Body, FrontMatter FrontMatter)
{
    private readonly ArticleLines? _lines;

    /// <summary>Where each body line came from; one to one with the file unless includes were expanded.</summary>
    internal ArticleLines Lines
    {
        get => _lines ?? ArticleLines.Identity(Body, SourcePath);
        init => _lines = value;
    }

    /// <summary>The page's place in the articles folder and the run's options; a page alone when not set.</summary>
    internal PageContext? Page { get; init; }
}
