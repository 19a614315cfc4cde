using System.Text;
using System.Text.RegularExpressions;
using FaqBot.Knowledge.Model;

namespace FaqBot.Bot.Tests.Fakes;

/// <summary>
/// A rough knowledge base of the seed article for the fake engine: real text and the shared entry ids, cut with a few
/// regular expressions. It is NOT the Knowledge extractor (that lives in FaqBot.Knowledge); it only gives bot tests
/// realistic entries without depending on the real pipeline.
/// </summary>
public static partial class SeedKnowledge
{
    public const string ArticleId = "how-to-deep-clean-pores";

    private static readonly Lazy<KnowledgeBase> Cached = new(() => Parse(File.ReadAllText(
        System.IO.Path.Combine(RepositoryRoot.Path, "data", "articles", "how-to-deep-clean-pores.md"))));

    public static KnowledgeBase KnowledgeBase => Cached.Value;

    public static string Id(string slug) => $"{ArticleId}--{slug}";

    private static KnowledgeBase Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var title = lines.First(l => l.StartsWith("title:", StringComparison.Ordinal))["title:".Length..].Trim();
        var canonical = lines.First(l => l.TrimStart().StartsWith("canonical:", StringComparison.Ordinal)).Trim()["canonical:".Length..].Trim();
        var body = lines.SkipWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).TakeWhile(l => l != "```").ToList();

        var entries = new List<FaqEntry>();
        var sections = new List<(string Heading, int Line, List<string> Lines)>();
        var bodyStart = lines.IndexOf(body[0]) + 1;
        for (var i = 0; i < body.Count; i++)
        {
            var line = body[i];
            var isSection = line.StartsWith("### ", StringComparison.Ordinal) && line != "### Takeaway:";
            if (line.StartsWith("## ", StringComparison.Ordinal) || isSection)
            {
                sections.Add((line.TrimStart('#', ' '), bodyStart + i, []));
            }
            else
            {
                sections[^1].Lines.Add(line);
            }
        }

        foreach (var (heading, line, content) in sections)
        {
            var markdown = string.Join('\n', content).Trim();
            if (heading.StartsWith("Deep Clean Pores", StringComparison.Ordinal))
            {
                entries.Add(Entry(Id("overview"), EntryKind.Article, [title, "How do I deep clean my pores?"], markdown, [title], canonical, line));
            }
            else if (heading == "FAQ Section")
            {
                foreach (Match match in FaqPair().Matches(markdown))
                {
                    var question = match.Groups["q"].Value.Trim();
                    entries.Add(Entry(Id(Slug(question)), EntryKind.Faq, [question], match.Groups["a"].Value.Trim(),
                        [title, heading], $"{canonical}#{Slug(heading)}", line));
                }
            }
            else if (heading != "Conclusion")
            {
                entries.Add(Entry(Id(Slug(heading)), EntryKind.Section, [heading], markdown, [title, heading], $"{canonical}#{Slug(heading)}", line));
            }
        }

        var article = new Article(ArticleId, title, "how-to-deep-clean-pores.md", null, "Skincare", ["clogged pores"], canonical);
        return new KnowledgeBase([article], entries);
    }

    public static FaqEntry Entry(string id, EntryKind kind, IReadOnlyList<string> questions, string markdown, IReadOnlyList<string> headingPath, string? link, int line)
    {
        var passages = Blocks(markdown).Select((b, i) => new Passage(
            $"{id}-p{i + 1}",
            b.TrimStart().StartsWith('*') ? PassageKind.List : PassageKind.Paragraph,
            b,
            MarkdownLink().Replace(b, "$1").Replace("*", string.Empty, StringComparison.Ordinal))).ToList();
        return new FaqEntry(id, ArticleId, kind, questions, markdown, headingPath, link, passages, line);
    }

    public static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return Dashes().Replace(slug.ToString(), "-").Trim('-');
    }

    private static IEnumerable<string> Blocks(string markdown) =>
        BlankLines().Split(markdown).Select(b => b.Trim()).Where(b => b.Length > 0 && !b.StartsWith('#'));

    [GeneratedRegex(@"\*\*Q\d+:\s*(?<q>.+?)\*\*\s*\nA\d+:\s*(?<a>.+?)(?=\n\s*\n|\z)", RegexOptions.Singleline)]
    private static partial Regex FaqPair();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex("-+")]
    private static partial Regex Dashes();
}
