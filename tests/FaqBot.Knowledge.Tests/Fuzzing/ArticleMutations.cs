using System.Text;
using CsCheck;

namespace FaqBot.Knowledge.Tests.Fuzzing;

/// <summary>
/// Generators of hostile article files: random Markdown-ish text, random bytes, and mutations of a seed article
/// (byte flips, truncation, fence and front-matter damage, deep nesting, huge lines, NUL bytes, invalid UTF-8).
/// Shared by the short in-suite fuzz test and the long fuzz console under benchmarks/.
/// </summary>
public static class ArticleMutations
{
    private static readonly string[] Tokens =
    [
        "# ", "## ", "### ", "#### ", "Q1: ", "Q2: ", "**", "*", "_", "`", "```", "```markdown", "~~~", "---", "...", "> ", "- ", "* ", "1. ",
        "| a | b |", "|---|---|", "[link](http://x)", "![img](x.png)", "<div>", "</div>", "<!--", "-->", "\\", "&amp;", "\t", "    ",
        "\n", "\n\n", "\r\n", "How often should I deep clean my pores?", "Frequently Asked Questions", "Conclusion", "Takeaway:",
        "Steaming opens pores.", "title: x", "tags:", "  - a", "metadata:", "  canonical: http://x", "é", "😀", "\u200B", "\uFEFF",
    ];

    /// <summary>Any hostile article: weighted mix of everything below.</summary>
    public static Gen<byte[]> Any(byte[] seed) => Gen.Frequency(
        (3, RandomMarkdown),
        (1, RandomBytes),
        (12, Mutated(seed)));

    /// <summary>Concatenated Markdown tokens: headings, FAQ markers, fences, front-matter fragments, Unicode oddities.</summary>
    public static Gen<byte[]> RandomMarkdown { get; } =
        Gen.Int[0, Tokens.Length - 1].Array[0, 400].Select(ix => Encoding.UTF8.GetBytes(string.Concat(ix.Select(i => Tokens[i]))));

    /// <summary>Uniform random bytes (mostly invalid UTF-8 or binary).</summary>
    public static Gen<byte[]> RandomBytes { get; } = Gen.Byte.Array[0, 4096];

    /// <summary>The seed with one to three mutations applied in turn.</summary>
    public static Gen<byte[]> Mutated(byte[] seed) =>
        Mutation.Array[1, 3].Select(ms => ms.Aggregate(seed, (bytes, m) => m(bytes)));

    // Computed on use: a static initializer here would run before the mutation generators below exist.
    private static Gen<Func<byte[], byte[]>> Mutation => Gen.OneOf(
        ByteFlips, Truncation, FenceDamage, FrontMatterDamage, DeepNesting, HugeLine, NulBytes, InvalidUtf8, LineShuffle, HeadingDamage);

    private static Gen<Func<byte[], byte[]>> ByteFlips { get; } =
        Gen.Select(Gen.Int[1, 16], Gen.Int, (count, seed) => (Func<byte[], byte[]>)(bytes =>
        {
            var copy = (byte[])bytes.Clone();
            var random = new Random(seed);
            for (var i = 0; i < count && copy.Length > 0; i++)
            {
                copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
            }

            return copy;
        }));

    private static Gen<Func<byte[], byte[]>> Truncation { get; } =
        Gen.Double[0, 1].Select(fraction => (Func<byte[], byte[]>)(bytes => bytes[..(int)(bytes.Length * fraction)]));

    private static Gen<Func<byte[], byte[]>> FenceDamage { get; } = Gen.Int[0, 4].Select(kind => (Func<byte[], byte[]>)(bytes => EditText(bytes, text => kind switch
    {
        0 => text.Replace("```markdown", string.Empty, StringComparison.Ordinal),              // opening fence gone
        1 => text[..Math.Max(0, text.LastIndexOf("```", StringComparison.Ordinal))],            // closing fence gone
        2 => InsertAtMiddleLine(text, "```"),                                                    // stray fence inside
        3 => "~~~~\n" + text + "\n```",                                                           // mismatched wrapper
        _ => text.Replace("```", "``", StringComparison.Ordinal),                                // every fence broken
    })));

    private static Gen<Func<byte[], byte[]>> FrontMatterDamage { get; } = Gen.Int[0, 6].Select(kind => (Func<byte[], byte[]>)(bytes => EditText(bytes, text => kind switch
    {
        0 => RemoveNth(text, "\n---", 1),                                                      // never closed
        1 => text.Replace("title: ", "title: [unclosed ", StringComparison.Ordinal),           // invalid YAML flow
        2 => text.Replace("tags:", "tags: *nope", StringComparison.Ordinal),                   // undefined alias
        3 => text.Replace("category: Skincare", "- just\n- a list", StringComparison.Ordinal),  // not a mapping
        4 => text.Replace("  - ", "\t- ", StringComparison.Ordinal),                            // tabs in indentation
        5 => text.Replace("title: How To Deep Clean Pores", "title: \"", StringComparison.Ordinal),
        _ => text.Replace("---\n", "---\n---\n---\n", StringComparison.Ordinal),              // empty front matters
    })));

    private static Gen<Func<byte[], byte[]>> DeepNesting { get; } =
        Gen.Select(Gen.Int[0, 5], Gen.Int[10, 20_000], (kind, depth) => (Func<byte[], byte[]>)(bytes => EditText(bytes, text =>
        {
            var nested = kind switch
            {
                0 => new string('>', depth) + " quoted",
                1 => string.Concat(Enumerable.Range(0, Math.Min(depth, 400)).Select(i => new string(' ', i * 2) + "- item\n")),
                2 => new string('[', depth) + "x" + new string(']', depth),
                3 => new string('*', depth) + "x" + new string('*', depth),
                4 => string.Concat(Enumerable.Repeat("<div>", depth)),
                _ => new string('#', Math.Min(depth, 50)) + " deep heading\n" + new string('`', depth),
            };
            return InsertAtMiddleLine(text, nested);
        })));

    private static Gen<Func<byte[], byte[]>> HugeLine { get; } =
        Gen.Select(Gen.Int[10_000, 1_000_000], Gen.Char['!', '~'], (length, c) => (Func<byte[], byte[]>)(bytes =>
            EditText(bytes, text => InsertAtMiddleLine(text, new string(c, length)))));

    private static Gen<Func<byte[], byte[]>> NulBytes { get; } =
        Gen.Double[0, 1].Select(at => (Func<byte[], byte[]>)(bytes => Insert(bytes, at, [0, 0x41, 0])));

    private static Gen<Func<byte[], byte[]>> InvalidUtf8 { get; } =
        Gen.Select(Gen.Double[0, 1], Gen.Int[0, 4], (at, kind) => (Func<byte[], byte[]>)(bytes => Insert(bytes, at, kind switch
        {
            0 => [0xC3, 0x28],             // bad continuation
            1 => [0xFF, 0xFE],             // never valid
            2 => [0xED, 0xA0, 0x80],       // encoded lone surrogate
            3 => [0xF0, 0x9F, 0x98],       // truncated 4-byte sequence
            _ => [0xC0, 0xAF],             // overlong '/'
        })));

    private static Gen<Func<byte[], byte[]>> LineShuffle { get; } =
        Gen.Int.Select(seed => (Func<byte[], byte[]>)(bytes => EditText(bytes, text =>
        {
            var lines = text.Split('\n').ToList();
            var random = new Random(seed);
            var from = random.Next(lines.Count);
            var count = Math.Min(random.Next(1, 20), lines.Count - from);
            var block = lines.GetRange(from, count);
            lines.RemoveRange(from, count);
            if (random.Next(2) == 0)
            {
                lines.InsertRange(random.Next(lines.Count + 1), block);
                lines.InsertRange(random.Next(lines.Count + 1), block);
            }

            return string.Join('\n', lines);
        })));

    private static Gen<Func<byte[], byte[]>> HeadingDamage { get; } = Gen.Int[0, 4].Select(kind => (Func<byte[], byte[]>)(bytes => EditText(bytes, text => kind switch
    {
        0 => text.Replace("#", string.Empty, StringComparison.Ordinal),                              // no headings at all
        1 => text.Replace("## ", "## Q1: ", StringComparison.Ordinal),                               // everything a question
        2 => System.Text.RegularExpressions.Regex.Replace(text, @"\n(?!#)[^\n]+", "\n"),             // headings without content
        3 => text.Replace("How To Deep Clean Pores", "!!!", StringComparison.Ordinal),              // title with no letters
        _ => text + "\n" + text,                                                                      // every id twice
    })));

    private static byte[] EditText(byte[] bytes, Func<string, string> edit) =>
        Encoding.UTF8.GetBytes(edit(Encoding.UTF8.GetString(bytes)));

    private static string InsertAtMiddleLine(string text, string insert)
    {
        var middle = text.IndexOf('\n', text.Length / 2);
        return middle < 0 ? text + "\n" + insert : text[..middle] + "\n" + insert + text[middle..];
    }

    private static string RemoveNth(string text, string value, int n)
    {
        var index = -1;
        for (var i = 0; i <= n; i++)
        {
            index = text.IndexOf(value, index + 1, StringComparison.Ordinal);
            if (index < 0)
            {
                return text;
            }
        }

        return text.Remove(index, value.Length);
    }

    private static byte[] Insert(byte[] bytes, double at, byte[] insert)
    {
        var index = (int)(bytes.Length * at);
        return [.. bytes[..index], .. insert, .. bytes[index..]];
    }
}
