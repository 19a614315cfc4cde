namespace FaqBot.Knowledge.Reading;

/// <summary>The front matter fields FaqBot uses; every field is optional.</summary>
/// <param name="Title">The <c>title</c> field.</param>
/// <param name="Excerpt">The <c>excerpt</c> (or <c>description</c>, or <c>summary</c>) field.</param>
/// <param name="Category">The <c>category</c> field.</param>
/// <param name="Tags">The <c>tags</c> field, as a list or a comma-separated string.</param>
/// <param name="CanonicalUrl">The <c>canonical</c> field, at the top level or under <c>metadata</c>.</param>
public sealed record FrontMatter(string? Title, string? Excerpt, string? Category, IReadOnlyList<string> Tags, string? CanonicalUrl)
{
    /// <summary>Front matter of an article that has none.</summary>
    public static FrontMatter None { get; } = new(null, null, null, [], null);

    /// <summary>Keys that name the page's public address, in the spellings of Jekyll, Hugo, DocFX and others.</summary>
    internal static IReadOnlyList<string> CanonicalKeys { get; } = ["canonical", "canonicalUrl", "canonical_url", "canonicalURL"];
}
