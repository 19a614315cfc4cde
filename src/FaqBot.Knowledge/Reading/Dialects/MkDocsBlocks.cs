using System.Text.RegularExpressions;
using FaqBot.Knowledge.Extraction;

namespace FaqBot.Knowledge.Reading.Dialects;

/// <summary>
/// MkDocs Material blocks whose body is indented by four spaces (which CommonMark would read as a code block):
/// admonitions <c>!!! note "Title"</c> and collapsibles <c>??? / ???+</c> become block quotes with a bold title; a collapsible
/// question (type <c>question</c>/<c>faq</c>, a title ending in '?', or any collapsible under an FAQ heading) becomes a
/// question heading one level below the section; content tabs <c>=== "Linux"</c> become a bold label. Bodies are
/// un-indented and read as Markdown; the line count is kept.
/// </summary>
internal static partial class MkDocsBlocks
{
    private static readonly string[] QuestionTypes = ["question", "faq", "help"];

    public static List<SourceLine> Rewrite(IReadOnlyList<SourceLine> lines)
    {
        var output = new List<SourceLine>(lines.Count);
        Rewrite(lines, 0, lines.Count, topLevel: true, output);
        return output;
    }

    private static void Rewrite(IReadOnlyList<SourceLine> lines, int start, int end, bool topLevel, List<SourceLine> output)
    {
        var fence = new FenceTracker();
        var headingLevel = 0;
        var inFaq = false;
        var i = start;
        while (i < end)
        {
            var line = lines[i];
            if (fence.IsCode(line.Text))
            {
                output.Add(line);
                i++;
                continue;
            }

            if (Heading().Match(line.Text) is { Success: true } heading)
            {
                headingLevel = heading.Groups["h"].Length;
                inFaq = HeadingRoles.Of(heading.Groups["text"].Value) == HeadingRole.Faq;
            }

            var block = Block().Match(line.Text);
            if (!block.Success || (block.Groups["marker"].Value.StartsWith("===", StringComparison.Ordinal)
                ? !block.Groups["title"].Success
                : block.Groups["type"].Length == 0))
            {
                // A bare "===" is a setext heading's underline, a bare "!!!" is text.
                output.Add(line);
                i++;
                continue;
            }

            var indent = Columns(block.Groups["indent"].Value);
            var last = i;
            for (var j = i + 1; j < end && (lines[j].Text.Trim().Length == 0 || Indentation(lines[j].Text) >= indent + 4); j++)
            {
                if (lines[j].Text.Trim().Length > 0)
                {
                    last = j;
                }
            }

            var body = new List<SourceLine>(last - i);
            for (var j = i + 1; j <= last; j++)
            {
                body.Add(lines[j].WithText(Dedent(lines[j].Text, indent + 4), lines[j].Role));
            }

            var marker = block.Groups["marker"].Value;
            var title = block.Groups["title"].Success ? block.Groups["title"].Value.Trim() : null;
            var type = block.Groups["type"].Value.ToLowerInvariant();
            var prefix = block.Groups["indent"].Value;
            var inner = new List<SourceLine>(body.Count);
            if (marker.StartsWith("===", StringComparison.Ordinal))
            {
                output.Add(line.WithText($"{prefix}**{title ?? type}**", LineRole.Label));
                Rewrite(body, 0, body.Count, topLevel, inner);
                output.AddRange(inner.Select(l => l.Text.Length == 0 ? l : l with { Text = prefix + l.Text }));
            }
            else if (topLevel && indent == 0 && !string.IsNullOrWhiteSpace(title)
                && (marker.StartsWith("???", StringComparison.Ordinal) || QuestionTypes.Contains(type))
                && (QuestionTypes.Contains(type) || title.EndsWith('?') || inFaq))
            {
                output.Add(line.WithText($"{new string('#', Math.Min(6, headingLevel + 1))} {Numbering().Replace(title, string.Empty)}", LineRole.Question));
                Rewrite(body, 0, body.Count, topLevel: false, inner);
                output.AddRange(inner);
            }
            else
            {
                var label = title ?? (type.Length > 0 ? char.ToUpperInvariant(type[0]) + type[1..] : string.Empty);
                output.Add(line.WithText(label.Length > 0 ? $"{prefix}> **{label}**" : $"{prefix}>"));
                Rewrite(body, 0, body.Count, topLevel: false, inner);
                output.AddRange(inner.Select(l => l with { Text = l.Text.Length == 0 ? $"{prefix}>" : $"{prefix}> {l.Text}" }));
            }

            i = last + 1;
        }
    }

    private static int Columns(string whitespace)
    {
        var columns = 0;
        foreach (var c in whitespace)
        {
            columns = c == '\t' ? (columns / 4 + 1) * 4 : columns + 1;
        }

        return columns;
    }

    private static int Indentation(string text) => Columns(text[..(text.Length - text.TrimStart(' ', '\t').Length)]);

    private static string Dedent(string text, int columns)
    {
        var removed = 0;
        var i = 0;
        while (i < text.Length && removed < columns && text[i] is ' ' or '\t')
        {
            removed = text[i] == '\t' ? (removed / 4 + 1) * 4 : removed + 1;
            i++;
        }

        return text.Trim().Length == 0 ? string.Empty : new string(' ', Math.Max(0, removed - columns)) + text[i..];
    }

    // "!!! note", "??? question \"Title\"", "???+ tip inline end \"Title\"", "=== \"Linux\"".
    [GeneratedRegex(@"^(?<indent>[ \t]*)(?<marker>!!!|\?\?\?\+?|===\+?)[ \t]*(?<type>[\w-]*)(?:[ \t]+[\w-]+)*[ \t]*(?:""(?<title>[^""]*)""|'(?<title>[^']*)')?[ \t]*$")]
    private static partial Regex Block();

    [GeneratedRegex(@"^(?<h>#{1,6})[ \t]+(?<text>.*?)[ \t#]*$")]
    private static partial Regex Heading();

    // "Q1: …", "Question 2. …", "3. …" before a question's text.
    [GeneratedRegex(@"^(?:Q(?:uestion)?[ \t]*\d*[ \t]*[:.)]|\d{1,3}[.)])[ \t]+", RegexOptions.IgnoreCase)]
    private static partial Regex Numbering();
}
