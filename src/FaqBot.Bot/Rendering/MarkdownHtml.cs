using System.Text;
using System.Text.RegularExpressions;

namespace FaqBot.Bot.Rendering;

/// <summary>
/// Escapes raw HTML in Markdown the bot is about to send: every <c>&lt;</c> that could open a tag, comment or
/// processing instruction becomes <c>&amp;lt;</c>, which Web Chat, the Emulator and Teams show as a plain "&lt;".
/// Code spans, fenced code, backslash escapes and http(s)/mailto autolinks are left as they are (none of them is HTML).
/// </summary>
public static partial class MarkdownHtml
{
    /// <summary>"Hi &lt;img src=x onerror=alert(1)&gt;" becomes "Hi &amp;lt;img src=x onerror=alert(1)&gt;".</summary>
    public static string Escape(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (!markdown.Contains('<', StringComparison.Ordinal))
        {
            return markdown;
        }

        var lines = markdown.Split('\n');
        var inFence = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (FenceLine().IsMatch(lines[i]))
            {
                inFence = !inFence;
            }
            else if (!inFence)
            {
                lines[i] = EscapeLine(lines[i]);
            }
        }

        return string.Join('\n', lines);
    }

    private static string EscapeLine(string line)
    {
        var output = new StringBuilder(line.Length + 16);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length)
            {
                output.Append(c).Append(line[++i]);
            }
            else if (c == '`')
            {
                var run = 1;
                while (i + run < line.Length && line[i + run] == '`')
                {
                    run++;
                }

                // A code span runs to the next run of exactly as many backticks; without one the backticks are text.
                var end = ClosingRun(line, i + run, run);
                var to = end < 0 ? i + run : end + run;
                output.Append(line, i, to - i);
                i = to - 1;
            }
            else if (c == '<' && Autolink().Match(line, i) is { Success: true } link)
            {
                output.Append(link.Value);
                i += link.Length - 1;
            }
            else if (c == '<' && i + 1 < line.Length && (char.IsAsciiLetter(line[i + 1]) || line[i + 1] is '/' or '!' or '?'))
            {
                output.Append("&lt;");
            }
            else
            {
                output.Append(c);
            }
        }

        return output.ToString();
    }

    private static int ClosingRun(string line, int from, int run)
    {
        for (var j = from; j < line.Length; j++)
        {
            if (line[j] != '`')
            {
                continue;
            }

            var length = 1;
            while (j + length < line.Length && line[j + length] == '`')
            {
                length++;
            }

            if (length == run)
            {
                return j;
            }

            j += length - 1;
        }

        return -1;
    }

    [GeneratedRegex(@"\G<(?:https?://|mailto:)[^\s<>""'`]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Autolink();

    [GeneratedRegex(@"^\s{0,3}(```|~~~)")]
    private static partial Regex FenceLine();
}
