namespace FaqBot.Knowledge.Reading;

/// <summary>An article ready for Markdig: its Markdown body and its front matter.</summary>
/// <param name="FilePath">The file as the user named it, for error messages.</param>
/// <param name="SourcePath">The path recorded in the knowledge base (relative to the articles folder where possible).</param>
/// <param name="Body">
/// The Markdown with the outer fence and front matter blanked out (not removed), so that line numbers
/// still match the original file.
/// </param>
/// <param name="FrontMatter">The parsed front matter.</param>
public sealed record ArticleSource(string FilePath, string SourcePath, string Body, FrontMatter FrontMatter);
