using System.Text.RegularExpressions;

namespace FaqBot.Knowledge.Reading.Dialects;

/// <summary>
/// Line-by-line rewrites of the dialects' one-line directives into CommonMark, keeping the line count:
/// DocFX and GitHub alerts (<c>&gt; [!NOTE]</c>), DocFX <c>[!div]</c>, <c>[!VIDEO]</c>, <c>[!code-…]</c>, tabbed sections
/// (<c># [C#](#tab/csharp)</c> … <c>---</c>), <c>::: zone</c>/<c>::: moniker</c> pivots and <c>:::image:::</c>-style directives;
/// kramdown <c>{:toc}</c>, attribute lists and <c>{::comment}</c>; MkDocs icon shortcodes and attribute lists.
/// </summary>
internal static partial class LineDirectives
{
    public static List<SourceLine> Rewrite(IReadOnlyList<SourceLine> lines)
    {
        var output = new List<SourceLine>(lines.Count);
        var fence = new FenceTracker();
        var tabLevel = 0;
        string? skipUntil = null;
        foreach (var line in lines)
        {
            if (fence.IsCode(line.Text))
            {
                output.Add(line);
                continue;
            }

            var text = line.Text;
            if (skipUntil is not null)
            {
                if (Regex.IsMatch(text, skipUntil, RegexOptions.IgnoreCase))
                {
                    skipUntil = null;
                }

                output.Add(line.WithText(string.Empty));
                continue;
            }

            if (KramdownBlockStart().Match(text) is { Success: true } block)
            {
                // {::comment} … {:/comment} and {::nomarkdown} … {:/} are not shown as Markdown.
                skipUntil = $@"\{{:/(?:{block.Groups["name"].Value})?\}}";
                output.Add(line.WithText(string.Empty));
                if (text.Contains("{:/", StringComparison.Ordinal))
                {
                    skipUntil = null;
                }

                continue;
            }

            if (ComplexImage().IsMatch(text))
            {
                skipUntil = @":::\s*image-end\s*:::";
                output.Add(line.WithText(string.Empty));
                continue;
            }

            if (WholeLineDirective().IsMatch(text))
            {
                if (Toc().IsMatch(text) && output.Count > 0 && TocItem().IsMatch(output[^1].Text))
                {
                    output[^1] = output[^1].WithText(string.Empty);
                }

                output.Add(line.WithText(string.Empty));
                continue;
            }

            var tab = TabHeading().Match(text);
            if (tab.Success)
            {
                tabLevel = tab.Groups["h"].Length;
                output.Add(line.WithText($"**{tab.Groups["label"].Value.Trim()}**", LineRole.Label));
                continue;
            }

            if (tabLevel > 0)
            {
                if (ThematicBreak().IsMatch(text))
                {
                    // The '---' that closes a tab group; left as it is, it would turn the line above into a heading.
                    tabLevel = 0;
                    output.Add(line.WithText(string.Empty));
                    continue;
                }

                if (AtxHeading().Match(text) is { Success: true } heading && heading.Groups["h"].Length <= tabLevel)
                {
                    tabLevel = 0;
                }
            }

            output.Add(line.WithText(RewriteInline(text)));
        }

        return output;
    }

    private static string RewriteInline(string text)
    {
        if (text.Contains("[!", StringComparison.Ordinal))
        {
            var alert = Alert().Match(text);
            if (alert.Success)
            {
                var kind = alert.Groups["kind"].Value.ToLowerInvariant();
                var rest = alert.Groups["rest"].Value.Trim();
                text = $"{alert.Groups["q"].Value} **{char.ToUpperInvariant(kind[0])}{kind[1..]}:**{(rest.Length > 0 ? " " + rest : string.Empty)}";
            }

            text = Div().Replace(text, string.Empty);
            text = Video().Replace(text, m => $"[Video]({m.Groups["url"].Value})");
            text = CodeInclude().Replace(text, string.Empty);
        }

        if (text.Contains('{', StringComparison.Ordinal))
        {
            text = AttachedAttributes().Replace(text, "${before}");
            text = TrailingAttributes().Replace(text, string.Empty);
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            text = Icon().Replace(text, string.Empty);
        }

        return text;
    }

    // GitHub and DocFX alerts, at any quote depth.
    [GeneratedRegex(@"^(?<q>(?:[ \t]*>)+)[ \t]*\[!(?<kind>NOTE|TIP|IMPORTANT|WARNING|CAUTION)\](?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Alert();

    [GeneratedRegex(@"\[!div(?:\s[^\]]*)?\]", RegexOptions.IgnoreCase)]
    private static partial Regex Div();

    [GeneratedRegex(@"\[!VIDEO\s+(?<url>[^\]\s]+)\s*\]", RegexOptions.IgnoreCase)]
    private static partial Regex Video();

    // Code pulled from sample files that are not part of the articles folder.
    [GeneratedRegex(@"\[!code(?:-[\w+#.-]+)?\s*\[[^\]]*\]\([^)]*\)\]", RegexOptions.IgnoreCase)]
    private static partial Regex CodeInclude();

    [GeneratedRegex(@"^(?<h>#{1,6})[ \t]+\[(?<label>[^\]]+)\]\(#tab/[^)]*\)[ \t]*$")]
    private static partial Regex TabHeading();

    [GeneratedRegex(@"^(?<h>#{1,6})[ \t]")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^ {0,3}-{3,}[ \t]*$")]
    private static partial Regex ThematicBreak();

    // ::: zone pivot="…" / ::: zone-end / ::: moniker range="…" / :::image …::: / :::row::: / a kramdown {:toc} or {: .class} line.
    [GeneratedRegex(@"^[ \t]*(?::::[ \t]*(?:zone|moniker)\b.*|:::[ \t]*[\w-]+.*:::|\{:[^}]*\}|\{::options[^}]*\})[ \t]*$", RegexOptions.IgnoreCase)]
    private static partial Regex WholeLineDirective();

    [GeneratedRegex(@"^[ \t]*:::[ \t]*image[ \t]+type=""complex"".*:::[ \t]*$", RegexOptions.IgnoreCase)]
    private static partial Regex ComplexImage();

    [GeneratedRegex(@"\{:toc\}", RegexOptions.IgnoreCase)]
    private static partial Regex Toc();

    [GeneratedRegex(@"^[ \t]*(?:[-*+]|1\.)[ \t]+TOC[ \t]*$")]
    private static partial Regex TocItem();

    [GeneratedRegex(@"^[ \t]*\{::(?<name>comment|nomarkdown)\}")]
    private static partial Regex KramdownBlockStart();

    // MkDocs Material icon and emoji shortcodes such as :material-cloud-question-outline:.
    [GeneratedRegex(@":(?:material|fontawesome|octicons|simple)-[\w-]+:")]
    private static partial Regex Icon();

    // An attribute list attached to what it decorates ("…){ .center }", "…]{: .btn}", "…:{ .lg }").
    [GeneratedRegex(@"(?<before>[)\]:*_`])\{:?[ \t]*(?:[.#][\w-]|[\w-]+=)[^{}\n]*\}")]
    private static partial Regex AttachedAttributes();

    // An attribute list ending a line: "## Title {#custom-id}", "Paragraph. {: .note}".
    [GeneratedRegex(@"[ \t]*\{:?[ \t]*(?:[.#][\w-]|[\w-]+=)[^{}\n]*\}[ \t]*$")]
    private static partial Regex TrailingAttributes();
}
