using System.Text;
using System.Text.RegularExpressions;

namespace FaqBot.Bot.Rendering;

/// <summary>
/// Rewrites Markdown into what Teams renders in a text message: headings become bold lines, images become links,
/// table rows become plain lines, horizontal rules go. Bold, italics, links, lists, code and quotes pass through.
/// </summary>
public static partial class TeamsMarkdown
{
    /// <summary>Returns <paramref name="markdown"/> with the constructs Teams cannot show rewritten.</summary>
    public static string MakeSafe(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var output = new StringBuilder(markdown.Length);
        var inFence = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (FenceLine().IsMatch(line))
            {
                inFence = !inFence;
                output.Append(line).Append('\n');
                continue;
            }

            if (inFence)
            {
                output.Append(line).Append('\n');
                continue;
            }

            var heading = AtxHeading().Match(line);
            if (heading.Success)
            {
                var text = heading.Groups["text"].Value.Trim();
                output.Append(text.Length == 0 ? string.Empty : $"**{text}**").Append('\n');
                continue;
            }

            // Setext headings: a text line underlined with === or ---.
            if (i + 1 < lines.Length && line.Trim().Length > 0 && !IsTableRow(line) && SetextUnderline().IsMatch(lines[i + 1]))
            {
                output.Append("**").Append(line.Trim()).Append("**\n");
                i++;
                continue;
            }

            if (HorizontalRule().IsMatch(line))
            {
                continue;
            }

            if (IsTableRow(line) && (TableDelimiter().IsMatch(line) || NextIsTableDelimiter(lines, i) || InTable(lines, i)))
            {
                if (!TableDelimiter().IsMatch(line))
                {
                    var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).Where(c => c.Length > 0);
                    output.Append(string.Join(" · ", cells)).Append("  \n");
                }

                continue;
            }

            output.Append(Image().Replace(line, m => $"[{(m.Groups["alt"].Value.Length > 0 ? m.Groups["alt"].Value : "image")}]({m.Groups["url"].Value})")).Append('\n');
        }

        return output.ToString().TrimEnd('\n');
    }

    private static bool IsTableRow(string line) => line.TrimStart().StartsWith('|') && line.Count(c => c == '|') >= 2;

    private static bool NextIsTableDelimiter(string[] lines, int i) => i + 1 < lines.Length && TableDelimiter().IsMatch(lines[i + 1]);

    private static bool InTable(string[] lines, int i)
    {
        for (var j = i - 1; j >= 0 && IsTableRow(lines[j]); j--)
        {
            if (TableDelimiter().IsMatch(lines[j]))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^\s{0,3}#{1,6}(?:\s+(?<text>.*?))?\s*#*\s*$")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^\s{0,3}(=+|-+)\s*$")]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^\s{0,3}((\*\s*){3,}|(-\s*){3,}|(_\s*){3,})$")]
    private static partial Regex HorizontalRule();

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")]
    private static partial Regex TableDelimiter();

    [GeneratedRegex(@"!\[(?<alt>[^\]]*)\]\((?<url>[^)\s]*)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"^\s{0,3}(```|~~~)")]
    private static partial Regex FenceLine();
}
