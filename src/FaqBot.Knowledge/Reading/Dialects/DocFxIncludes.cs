using System.Text.RegularExpressions;

namespace FaqBot.Knowledge.Reading.Dialects;

/// <summary>
/// Expands DocFX includes, <c>[!INCLUDE [title](path)]</c>, with the snippet's lines: resolved relative to the file that
/// includes it (<c>~/</c> is the articles folder), never outside the articles folder, at most <see cref="MaxDepth"/> deep,
/// and never into itself. A snippet that cannot be included is left out with a warning; the page is still used.
/// </summary>
internal static partial class DocFxIncludes
{
    /// <summary>Snippets may include snippets this deep; DocFX docs rarely go past two.</summary>
    public const int MaxDepth = 5;

    public static List<SourceLine> Expand(IReadOnlyList<SourceLine> lines, PageContext page)
    {
        var output = new List<SourceLine>(lines.Count);
        Expand(lines, page, [Path.GetFullPath(Path.Combine(page.Root, page.SourcePath))], output);
        return output;
    }

    private static void Expand(IReadOnlyList<SourceLine> lines, PageContext page, List<string> chain, List<SourceLine> output)
    {
        var fence = new FenceTracker();
        var inComment = false;
        foreach (var line in lines)
        {
            if (fence.IsCode(line.Text) || inComment || !line.Text.Contains("[!", StringComparison.Ordinal))
            {
                inComment = InComment(line.Text, inComment);
                output.Add(line);
                continue;
            }

            inComment = InComment(line.Text, inComment);
            var matches = Include().Matches(line.Text);
            if (matches.Count == 0 || line.Text.AsSpan(0, matches[0].Index).Contains("<!--", StringComparison.Ordinal))
            {
                output.Add(line);
                continue;
            }

            var rest = Include().Replace(line.Text, string.Empty);
            if (LinePrefix().IsMatch(rest))
            {
                // The directive stands alone (after any quote or list marker): the snippet's lines take its place.
                var prefix = line.Text[..matches[0].Index];
                var continuation = ContinuationOf(prefix);
                var first = true;
                foreach (Match match in matches)
                {
                    foreach (var included in Snippet(match, line, page, chain))
                    {
                        output.Add(included with { Text = (first ? prefix : continuation) + included.Text });
                        first = false;
                    }
                }

                if (first)
                {
                    output.Add(line.WithText(string.Empty));
                }
            }
            else
            {
                // Inside a sentence: the snippet's text, joined into the line.
                var text = Include().Replace(line.Text, match =>
                    string.Join(' ', Snippet(match, line, page, chain).Select(l => l.Text.Trim()).Where(t => t.Length > 0)));
                output.Add(line.WithText(text));
            }
        }
    }

    private static List<SourceLine> Snippet(Match match, SourceLine line, PageContext page, List<string> chain)
    {
        var target = match.Groups["path"].Value.Trim().Trim('<', '>');
        var found = Resolve(target, line.Origin, page.Root);
        if (found is null)
        {
            page.Warn(line.PageLine, $"include '{target}' points outside the articles folder; it was left out.");
            return [];
        }

        if (chain.Contains(found, StringComparer.Ordinal))
        {
            page.Warn(line.PageLine, $"include '{target}' includes itself (through {string.Join(" -> ", chain.Skip(1).Select(Path.GetFileName))}); it was left out.");
            return [];
        }

        if (chain.Count > MaxDepth)
        {
            page.Warn(line.PageLine, $"include '{target}' is nested more than {MaxDepth} deep; it was left out.");
            return [];
        }

        if (!File.Exists(found))
        {
            page.Warn(line.PageLine, $"include '{target}' not found; it was left out.");
            return [];
        }

        var (lines, problem) = page.Snippets.Read(found);
        if (lines is null)
        {
            page.Warn(line.PageLine, $"include '{target}' {problem}; it was left out.");
            return [];
        }

        var origin = Path.GetRelativePath(page.Root, found).Replace('\\', '/');
        var snippet = lines.Select(l => new SourceLine(l, line.PageLine, origin)).ToList();
        var output = new List<SourceLine>(snippet.Count);
        chain.Add(found);
        Expand(snippet, page, chain, output);
        chain.RemoveAt(chain.Count - 1);
        return output;
    }

    /// <summary>The full path of an include target written in <paramref name="origin"/>, or null when outside the root.</summary>
    internal static string? Resolve(string target, string origin, string root)
    {
        target = Uri.UnescapeDataString(target.Split('#', '?')[0]);
        var relative = target.StartsWith("~/", StringComparison.Ordinal) || target.StartsWith('/')
            ? target.TrimStart('~', '/')
            : Path.Combine(Path.GetDirectoryName(origin) ?? string.Empty, target);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        var inside = Path.GetRelativePath(root, full);
        return inside.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(inside) ? null : full;
    }

    private static bool InComment(string text, bool inComment)
    {
        var open = text.LastIndexOf("<!--", StringComparison.Ordinal);
        var close = text.LastIndexOf("-->", StringComparison.Ordinal);
        return open >= 0 || close >= 0 ? open > close : inComment;
    }

    // Continuation lines of an included list item line up under its text; quote markers are kept.
    private static string ContinuationOf(string prefix)
    {
        var chars = prefix.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is not ('>' or ' ' or '\t'))
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    [GeneratedRegex(@"\[!INCLUDE\s*\[(?<title>[^\]]*)\]\((?<path>[^)]+)\)\]", RegexOptions.IgnoreCase)]
    private static partial Regex Include();

    // What may stand before a directive that has a line of its own: indentation, quote markers, a list marker.
    [GeneratedRegex(@"^(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?[ \t]*$")]
    private static partial Regex LinePrefix();
}
