using System.Text.RegularExpressions;

namespace FaqBot.Classifier.Evaluation;

/// <summary>Whether a shown answer holds a fact as a reader sees it: Markdown markers and spacing do not count, nor case.</summary>
public static partial class FactMatcher
{
    /// <summary>True when <paramref name="markdown"/>, read as text, contains <paramref name="fact"/>.</summary>
    public static bool Contains(string markdown, string fact)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(fact);
        return Readable(markdown).Contains(Readable(fact), StringComparison.OrdinalIgnoreCase);
    }

    private static string Readable(string text)
    {
        var withoutLinks = Link().Replace(text, "$1");
        var withoutMarkers = Markers().Replace(withoutLinks, "");
        return Space().Replace(withoutMarkers, " ").Trim();
    }

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*|__|[*`]|~~")]
    private static partial Regex Markers();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
