using System.Text.RegularExpressions;

namespace FaqBot.Knowledge.Extraction;

/// <summary>Raw HTML from an article reduced to its text, so no live markup (scripts, remote images, styles) reaches a channel.</summary>
internal static partial class HtmlText
{
    /// <summary>The text of an HTML block: comments, scripts and styles dropped, tags removed, block ends as line breaks, '&lt;' escaped.</summary>
    public static string Of(string html)
    {
        var text = Hidden().Replace(html, string.Empty);
        text = Image().Replace(text, m => " " + AltOf(m.Value) + " ");
        text = BlockEnd().Replace(text, "\n");
        text = Tag().Replace(text, " ");
        var lines = text.Split('\n')
            .Select(l => Spaces().Replace(l, " ").Trim())
            .Where(l => l.Length > 0)
            .Select(Escape);
        return string.Join('\n', lines);
    }

    /// <summary>What an inline tag becomes: a line break a space, an image its alt text, anything else nothing.</summary>
    public static string OfInlineTag(string tag)
    {
        if (LineBreak().IsMatch(tag))
        {
            return " ";
        }

        return Image().IsMatch(tag) ? Escape(AltOf(tag)) : string.Empty;
    }

    private static string AltOf(string imageTag) => Alt().Match(imageTag) is { Success: true } alt ? alt.Groups["alt"].Value : string.Empty;

    /// <summary>The href of an opening <c>&lt;a&gt;</c> tag, or null when the tag is not one.</summary>
    public static string? AnchorHref(string tag)
    {
        var match = Anchor().Match(tag);
        return match.Success ? System.Net.WebUtility.HtmlDecode(match.Groups["href"].Value) : null;
    }

    public static bool IsAnchorEnd(string tag) => AnchorEnd().IsMatch(tag);

    /// <summary>Text made safe to sit in Markdown: a '&lt;' can never open a tag.</summary>
    public static string Escape(string text) => text.Replace("<", "&lt;", StringComparison.Ordinal);

    [GeneratedRegex(@"<!--[\s\S]*?(?:-->|$)|<(script|style|template|iframe|object)\b[\s\S]*?(?:</\1\s*>|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<img\b(?:[^>""']|""[^""]*""|'[^']*')*>", RegexOptions.IgnoreCase)]
    private static partial Regex Image();

    [GeneratedRegex(@"\salt\s*=\s*(?:""(?<alt>[^""]*)""|'(?<alt>[^']*)')", RegexOptions.IgnoreCase)]
    private static partial Regex Alt();

    [GeneratedRegex(@"<br\s*/?>|</(?:p|div|li|tr|h[1-6]|table|ul|ol|pre|blockquote|dt|dd|summary|details)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"</?[a-zA-Z!?/][^>]*>?")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\f\v]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^<br\b", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"^<a\s(?:[^>""']|""[^""]*""|'[^']*')*?\bhref\s*=\s*(?:""(?<href>[^""]*)""|'(?<href>[^']*)'|(?<href>[^\s>]+))", RegexOptions.IgnoreCase)]
    private static partial Regex Anchor();

    [GeneratedRegex(@"^</a\s*>$", RegexOptions.IgnoreCase)]
    private static partial Regex AnchorEnd();
}
