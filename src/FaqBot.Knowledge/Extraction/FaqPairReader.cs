using System.Text.RegularExpressions;
using FaqBot.Knowledge.Model;
using Markdig.Syntax;

namespace FaqBot.Knowledge.Extraction;

/// <summary>
/// Reads question/answer pairs from the blocks of an FAQ section: <c>**Q1: ...?**</c> + <c>A1: ...</c>,
/// <c>Q:</c>/<c>A:</c> lines, and a bold question followed by its paragraph(s).
/// </summary>
internal static partial class FaqPairReader
{
    /// <summary>True when a paragraph starts with an explicit "Q:"/"Q1:"/"Question:" marker.</summary>
    public static bool HasExplicitQuestions(IEnumerable<Block> blocks, AnswerMarkdown markdown) =>
        blocks.OfType<ParagraphBlock>().Any(p => ExplicitQuestion().IsMatch(markdown.Of(p)));

    /// <summary>The pairs in <paramref name="blocks"/>; text before the first question is an introduction and skipped.</summary>
    /// <exception cref="ArticleFormatException">A question has no answer.</exception>
    public static List<FaqPair> Read(IEnumerable<Block> blocks, AnswerMarkdown markdown, string filePath)
    {
        var pairs = new List<FaqPair>();
        FaqPair? current = null;
        foreach (var block in blocks)
        {
            var text = markdown.Of(block);
            if (block is ParagraphBlock && TryQuestion(text, out var question, out var rest))
            {
                Close(current, filePath);
                var alternates = new List<string>();
                rest = TakeAlternates(rest, alternates);
                current = new FaqPair(question, markdown.LineOf(block), []) { Alternates = alternates };
                pairs.Add(current);
                if (rest.Length > 0)
                {
                    current.Parts.Add(new AnswerPart(rest, PassageKind.Paragraph));
                }

                continue;
            }

            if (current is null)
            {
                continue;
            }

            foreach (var part in markdown.PartsOf([block]))
            {
                current.Parts.Add(part with { Markdown = part.Kind == PassageKind.Paragraph ? StripAnswerMarker(part.Markdown) : part.Markdown });
            }
        }

        Close(current, filePath);
        return pairs;
    }

    private static void Close(FaqPair? pair, string filePath)
    {
        if (pair is not null && pair.Parts.All(p => p.Markdown.Length == 0))
        {
            throw new ArticleFormatException(filePath, pair.Line,
                $"the FAQ question \"{pair.Question}\" has no answer; write the answer right after it (e.g. on the next line, \"A1: ...\").");
        }

        pair?.Parts.RemoveAll(p => p.Markdown.Length == 0);
    }

    private static bool TryQuestion(string paragraph, out string question, out string rest)
    {
        var explicitMatch = ExplicitQuestion().Match(paragraph);
        if (explicitMatch.Success)
        {
            var line = explicitMatch.Groups["q"].Value;
            rest = explicitMatch.Groups["rest"].Value;

            // "Q: How? A: Because." on one line
            var inlineAnswer = InlineAnswer().Match(line);
            if (inlineAnswer.Success)
            {
                rest = line[inlineAnswer.Index..] + (rest.Length > 0 ? "\n" + rest : string.Empty);
                line = line[..inlineAnswer.Index];
            }

            question = PlainText.Of(Unbold(line.Trim()));
            rest = StripAnswerMarker(rest);
            return question.Length > 0;
        }

        var bold = BoldQuestion().Match(paragraph);
        if (bold.Success)
        {
            question = PlainText.Of(bold.Groups["q"].Value);
            rest = StripAnswerMarker(bold.Groups["rest"].Value);
            return question.EndsWith('?');
        }

        question = rest = string.Empty;
        return false;
    }

    // "Q: How often?\nQ: How frequently?\nA: Weekly." : the further Q lines are other ways to ask the same question.
    private static string TakeAlternates(string rest, List<string> alternates)
    {
        while (rest.Length > 0)
        {
            var match = ExplicitQuestion().Match(rest);
            if (!match.Success)
            {
                break;
            }

            var alternate = PlainText.Of(Unbold(match.Groups["q"].Value.Trim()));
            if (alternate.Length > 0)
            {
                alternates.Add(alternate);
            }

            rest = match.Groups["rest"].Value;
        }

        return StripAnswerMarker(rest);
    }

    private static string Unbold(string text)
    {
        foreach (var marker in (string[])["**", "__"])
        {
            if (text.StartsWith(marker, StringComparison.Ordinal))
            {
                text = text[marker.Length..];
            }

            if (text.EndsWith(marker, StringComparison.Ordinal))
            {
                text = text[..^marker.Length];
            }
        }

        return text;
    }

    private static string StripAnswerMarker(string text) => AnswerMarker().Replace(text.Trim(), string.Empty, 1).Trim();

    // "Q:", "Q1:", "Q1.", "**Q1:**", "**Q1: question?**", "Question 2:" at the start of a paragraph.
    [GeneratedRegex(@"^(?:\*\*|__)?Q(?:uestion)?[ \t]*\d*[ \t]*[:.)](?:\*\*|__)?[ \t]*(?<q>[^\n]+)(?:\n(?<rest>[\s\S]*))?$")]
    private static partial Regex ExplicitQuestion();

    [GeneratedRegex(@"\s(?:\*\*|__)?A(?:nswer)?[ \t]*\d*[ \t]*:")]
    private static partial Regex InlineAnswer();

    // A bold question opening a paragraph; the answer may follow on the same line or the next.
    [GeneratedRegex(@"^(?<d>\*\*|__)(?<q>[^\n]+?\?)\k<d>[ \t]*(?<rest>[\s\S]*)$")]
    private static partial Regex BoldQuestion();

    [GeneratedRegex(@"^(?:\*\*|__)?A(?:nswer)?[ \t]*\d*[ \t]*[:.)](?:\*\*|__)?[ \t]*")]
    private static partial Regex AnswerMarker();
}
