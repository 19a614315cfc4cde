using System.Text;
using System.Text.RegularExpressions;
using FaqBot.Knowledge.Model;

namespace FaqBot.Knowledge.Extraction;

/// <summary>
/// Splits a long block into passages short enough for one chat message: paragraphs between sentences, lists between
/// items, code between lines (each piece fenced again), tables between rows (the header repeated).
/// </summary>
internal static partial class PassageSplitter
{
    /// <summary>Passages longer than this are split where the block allows it (the linter's "too long for one chat message").</summary>
    public const int MaxCharacters = 1500;

    public static IReadOnlyList<string> Split(string markdown, PassageKind kind) => kind switch
    {
        PassageKind.Paragraph => Pack(Sentences(markdown), " "),
        PassageKind.Code => SplitCode(markdown),
        PassageKind.Table => SplitTable(markdown),
        _ => [markdown],
    };

    /// <summary>A list's items (each as Markdown) packed into lists of at most <see cref="MaxCharacters"/>.</summary>
    public static IReadOnlyList<string> SplitList(IReadOnlyList<string> items, bool loose) =>
        Pack(items.Where(i => i.Length > 0), loose ? "\n\n" : "\n");

    private static List<string> Pack(IEnumerable<string> pieces, string separator, int budget = MaxCharacters)
    {
        var packed = new List<string>();
        var current = new StringBuilder();
        foreach (var piece in pieces)
        {
            if (current.Length > 0 && current.Length + separator.Length + piece.Length > budget)
            {
                packed.Add(current.ToString());
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append(separator);
            }

            current.Append(piece);
        }

        if (current.Length > 0)
        {
            packed.Add(current.ToString());
        }

        return packed;
    }

    // Sentence ends outside code spans, links and emphasis, so no piece leaves markup open.
    private static List<string> Sentences(string paragraph)
    {
        var sentences = new List<string>();
        var start = 0;
        foreach (Match end in SentenceEnd().Matches(paragraph))
        {
            var before = paragraph.AsSpan(start, end.Index - start);
            if (Balanced(before))
            {
                sentences.Add(paragraph[start..end.Index].Trim());
                start = end.Index + end.Length;
            }
        }

        sentences.Add(paragraph[start..].Trim());
        return sentences;
    }

    private static bool Balanced(ReadOnlySpan<char> text)
    {
        int ticks = 0, brackets = 0, parens = 0, stars = 0, underscores = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case '`': ticks++; break;
                case '[': brackets++; break;
                case ']': brackets--; break;
                case '(': parens++; break;
                case ')': parens--; break;
                case '*': stars++; break;
                case '_': underscores++; break;
            }
        }

        return ticks % 2 == 0 && brackets == 0 && parens == 0 && stars % 2 == 0 && underscores % 2 == 0;
    }

    private static IReadOnlyList<string> SplitCode(string fenced)
    {
        var lines = fenced.Split('\n');
        if (lines.Length < 3)
        {
            return [fenced];
        }

        var open = lines[0].TrimStart();
        var fence = open[..(open.Length - open.TrimStart('`', '~').Length)];
        var code = lines[1..^1];
        return Pack(code, "\n", MaxCharacters - open.Length - fence.Length - 2).Select(chunk => $"{open}\n{chunk}\n{fence}").ToList();
    }

    private static IReadOnlyList<string> SplitTable(string table)
    {
        var lines = table.Split('\n');
        if (lines.Length < 3)
        {
            return [table];
        }

        var header = lines[0] + "\n" + lines[1];
        return Pack(lines[2..], "\n", MaxCharacters - header.Length - 1).Select(rows => header + "\n" + rows).ToList();
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[\p{Lu}\p{N}*_\[`""'(])")]
    private static partial Regex SentenceEnd();
}
