using System.Text;
using System.Text.RegularExpressions;

namespace FaqBot.Bot.Rendering;

/// <summary>
/// Splits Markdown into messages no longer than a limit: at block boundaries (blank lines) first, then at sentence
/// ends, then at spaces, and only as a last resort inside a word. Blocks are never reordered.
/// </summary>
public static partial class MessageSplitter
{
    /// <summary>Splits <paramref name="markdown"/> into chunks of at most <paramref name="maxLength"/> characters.</summary>
    public static IReadOnlyList<string> Split(string markdown, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 20);

        var blocks = BlockSeparator().Split(markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Trim())
            .Where(b => b.Trim().Length > 0)
            .SelectMany(b => b.Length <= maxLength ? [b] : SplitLongBlock(b, maxLength));

        var chunks = new List<string>();
        var current = new StringBuilder();
        foreach (var block in blocks)
        {
            if (current.Length > 0 && current.Length + 2 + block.Length > maxLength)
            {
                chunks.Add(current.ToString());
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append("\n\n");
            }

            current.Append(block);
        }

        if (current.Length > 0)
        {
            chunks.Add(current.ToString());
        }

        return chunks;
    }

    private static IEnumerable<string> SplitLongBlock(string block, int maxLength)
    {
        var pieces = new List<string>();
        var rest = block.Trim();
        while (rest.Length > maxLength)
        {
            var window = rest[..maxLength];
            var cut = LastBreak(window, ". ", "! ", "? ", "\n");
            if (cut < maxLength / 3)
            {
                cut = window.LastIndexOf(' ');
            }

            if (cut < maxLength / 3)
            {
                cut = maxLength;
            }

            pieces.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            pieces.Add(rest);
        }

        return pieces;
    }

    private static int LastBreak(string window, params string[] separators)
    {
        var best = -1;
        foreach (var separator in separators)
        {
            var index = window.LastIndexOf(separator, StringComparison.Ordinal);
            if (index >= 0)
            {
                // Keep the punctuation with the sentence it ends.
                best = Math.Max(best, index + separator.TrimEnd().Length);
            }
        }

        return best;
    }

    [GeneratedRegex(@"\n[ \t]*\n+")]
    private static partial Regex BlockSeparator();
}
