namespace FaqBot.Knowledge.Model;

/// <summary>One source article with its front matter.</summary>
/// <param name="Id">A slug of the title (or file name), stable across edits of the body.</param>
/// <param name="Title">The front matter title, else the first heading.</param>
/// <param name="SourcePath">The file it was read from, relative to the articles folder where possible.</param>
/// <param name="Excerpt">The front matter excerpt, if any.</param>
/// <param name="Category">The front matter category, if any.</param>
/// <param name="Tags">The front matter tags.</param>
/// <param name="CanonicalUrl">The article's public address (front matter <c>canonical</c> or <c>metadata.canonical</c>), if any.</param>
public sealed record Article(
    string Id,
    string Title,
    string SourcePath,
    string? Excerpt,
    string? Category,
    IReadOnlyList<string> Tags,
    string? CanonicalUrl);
