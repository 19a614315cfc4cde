using System.Text.RegularExpressions;

namespace FaqBot.Knowledge.Reading;

/// <summary>Unwraps an article delivered inside one outer <c>```markdown</c> (or <c>```md</c> / bare) fence.</summary>
internal static partial class ArticleFence
{
    /// <summary>Blanks the opening and closing fence lines when the whole file is wrapped; keeps the line count.</summary>
    public static void Blank(string[] lines)
    {
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        var last = Array.FindLastIndex(lines, l => l.Trim().Length > 0);
        if (first < 0 || last <= first)
        {
            return;
        }

        var open = OpeningFence().Match(lines[first]);
        if (!open.Success)
        {
            return;
        }

        var fence = open.Groups["fence"].Value;
        var close = ClosingFence().Match(lines[last]);
        if (!close.Success || close.Groups["fence"].Value[0] != fence[0] || close.Groups["fence"].Length < fence.Length)
        {
            return;
        }

        // A bare fence is only a wrapper if nothing inside could close it; a ```markdown fence is a wrapper by intent,
        // even when the article inside has code blocks of its own.
        var labelled = open.Groups["info"].Success;
        if (!labelled)
        {
            for (var i = first + 1; i < last; i++)
            {
                var inner = ClosingFence().Match(lines[i]);
                if (inner.Success && inner.Groups["fence"].Value[0] == fence[0] && inner.Groups["fence"].Length >= fence.Length)
                {
                    return;
                }
            }
        }

        lines[first] = string.Empty;
        lines[last] = string.Empty;
    }

    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})[ \t]*(?<info>markdown|md)?[ \t]*$", RegexOptions.IgnoreCase)]
    private static partial Regex OpeningFence();

    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})[ \t]*$")]
    private static partial Regex ClosingFence();
}
