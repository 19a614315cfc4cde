using CsCheck;
using FaqBot.Knowledge.Extraction;

namespace FaqBot.Knowledge.Tests.Extraction;

/// <summary>Whatever Markdown arrives, the parser either gives well-formed entries or an <see cref="ArticleFormatException"/>.</summary>
public sealed class ParserPropertyTests
{
    private static readonly string[] SeedLines = File.ReadAllText(TestPaths.SeedArticle).Split('\n');

    // Lines that exercise every branch: headings of all levels, FAQ markers, fences, front matter, lists, links, junk.
    private static readonly Gen<string> MarkdownLine = Gen.OneOf<string>(
        Gen.OneOf(
            "# Title", "## FAQ", "### FAQ Section", "## Takeaway:", "## Conclusion", "### How often?", "#### Sub heading", "#", "## ???",
            "**Q1: How often should I?**", "A1: Once a week.", "Q: Is it safe?", "A: Yes.", "Q: Why? A: Because.", "**Bold question?**",
            "**Q2:**", "A:", "Question 1:", "```", "```markdown", "~~~", "---", "...", "title: X", "metadata:", "  canonical: https://x.test/a",
            "* item", "- [link](https://x.test)", "1. first", "> quote", "| a | b |", "|---|---|", "<div>", "", "", "   ", "\t", "[ref]: https://x.test"),
        Gen.String[0, 40],
        Gen.Char["#*_`>-:?QA \n[]()!|~"].Array[0, 20].Select(cs => new string(cs)));

    private static readonly Gen<string> RandomMarkdown = MarkdownLine.Array[0, 40].Select(lines => string.Join('\n', lines));

    private static readonly Gen<string> MutatedSeed =
        Gen.Select(Gen.Int[0, SeedLines.Length - 1].Array[1, 12], Gen.Int[0, 3], MarkdownLine, (picks, operation, line) =>
        {
            var lines = SeedLines.ToList();
            foreach (var pick in picks)
            {
                var at = Math.Min(pick, lines.Count - 1);
                if (at < 0)
                {
                    break;
                }

                switch (operation)
                {
                    case 0: lines.RemoveAt(at); break;
                    case 1: lines.Insert(at, lines[at]); break;
                    case 2: lines[at] = line; break;
                    default: lines.Insert(at, line); break;
                }
            }

            return string.Join('\n', lines);
        });

    [Fact]
    public void Random_markdown_never_crashes_the_parser() => RandomMarkdown.Sample(ParseOrReject, iter: 3000);

    [Fact]
    public void Mutated_seed_never_crashes_the_parser() => MutatedSeed.Sample(ParseOrReject, iter: 1000);

    private static void ParseOrReject(string text)
    {
        ParsedArticle parsed;
        try
        {
            parsed = ArticleParser.ParseText(text, "random.md");
        }
        catch (ArticleFormatException ex)
        {
            Assert.StartsWith("random.md", ex.Message, StringComparison.Ordinal);
            return;
        }

        var lineCount = text.Split('\n').Length;
        Assert.NotEmpty(parsed.Entries);
        Assert.Equal(parsed.Entries.Count, parsed.Entries.Select(e => e.Id).Distinct().Count());
        Assert.All(parsed.Entries, e =>
        {
            Assert.StartsWith(parsed.Article.Id + "--", e.Id, StringComparison.Ordinal);
            Assert.NotEmpty(e.Questions);
            Assert.All(e.Questions, q => Assert.False(string.IsNullOrWhiteSpace(q)));
            Assert.False(string.IsNullOrWhiteSpace(e.Answer));
            Assert.InRange(e.Line, 1, lineCount);
            Assert.Equal(parsed.Article.Title, e.HeadingPath[0]);
            Assert.All(e.Passages, p => Assert.StartsWith(e.Id + "-p", p.Id, StringComparison.Ordinal));
        });
    }
}
