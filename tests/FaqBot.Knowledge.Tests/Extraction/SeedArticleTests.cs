using FaqBot.Knowledge.Extraction;
using FaqBot.Knowledge.Model;
using FaqBot.Knowledge.Serialization;

namespace FaqBot.Knowledge.Tests.Extraction;

/// <summary>The bundled seed article, end to end.</summary>
public sealed class SeedArticleTests
{
    private const string Canonical = "https://www.homeessentialsguide.com/how-to-deep-clean-pores";

    private static readonly string SeedText = File.ReadAllText(TestPaths.SeedArticle);

    private static readonly ParsedArticle Seed = ArticleParser.ParseFile(TestPaths.SeedArticle);

    [Fact]
    public void Seed_gives_the_overview_eight_sections_and_six_faq_pairs_with_the_agreed_ids()
    {
        string[] slugs =
        [
            "overview",
            "understanding-your-pores-why-they-get-clogged",
            "preparing-your-skin-for-deep-pore-cleansing",
            "essential-cleansing-techniques-and-products",
            "exfoliation-for-deep-pore-purification",
            "targeted-treatments-masks-and-extraction",
            "post-cleansing-care-and-pore-maintenance",
            "lifestyle-factors-for-clearer-pores",
            "when-to-seek-professional-help-for-pore-issues",
            "how-often-should-i-deep-clean-my-pores",
            "can-pore-strips-truly-deep-clean-pores",
            "is-steaming-good-for-deep-cleaning-pores",
            "can-i-use-hot-water-to-wash-my-face-for-deep-cleaning",
            "what-are-sebaceous-filaments-and-how-are-they-different-from-blackheads",
            "what-ingredients-should-i-look-for-in-products-for-deep-pore-cleaning",
        ];

        Assert.Equal(slugs.Select(s => "how-to-deep-clean-pores--" + s), Seed.Entries.Select(e => e.Id));
        Assert.Equal(1, Seed.Entries.Count(e => e.Kind == EntryKind.Article));
        Assert.Equal(8, Seed.Entries.Count(e => e.Kind == EntryKind.Section));
        Assert.Equal(6, Seed.Entries.Count(e => e.Kind == EntryKind.Faq));
    }

    [Fact]
    public void Seed_front_matter_is_read_from_inside_the_markdown_fence()
    {
        var article = Seed.Article;

        Assert.Equal("how-to-deep-clean-pores", article.Id);
        Assert.Equal("How To Deep Clean Pores", article.Title);
        Assert.Equal("Skincare", article.Category);
        Assert.Equal(Canonical, article.CanonicalUrl);
        Assert.Contains("blackheads", article.Tags);
        Assert.StartsWith("Learn how to deep clean pores effectively", article.Excerpt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how-often-should-i-deep-clean-my-pores", 127, "How often should I deep clean my pores?", "Deep cleaning pores is generally recommended once or twice a week.")]
    [InlineData("can-pore-strips-truly-deep-clean-pores", 130, "Can pore strips truly deep clean pores?", "Pore strips can remove some superficial blackheads")]
    [InlineData("is-steaming-good-for-deep-cleaning-pores", 133, "Is steaming good for deep cleaning pores?", "Yes, steaming is very beneficial.")]
    [InlineData("can-i-use-hot-water-to-wash-my-face-for-deep-cleaning", 136, "Can I use hot water to wash my face for deep cleaning?", "No, avoid using hot water.")]
    [InlineData("what-are-sebaceous-filaments-and-how-are-they-different-from-blackheads", 139, "What are sebaceous filaments, and how are they different from blackheads?", "Sebaceous filaments are natural, hair-like structures")]
    [InlineData("what-ingredients-should-i-look-for-in-products-for-deep-pore-cleaning", 142, "What ingredients should I look for in products for deep pore cleaning?", "Look for ingredients like salicylic acid (a BHA)")]
    public void Every_faq_pair_has_its_exact_question_and_answer_without_the_Q_and_A_markers(string slug, int line, string question, string answerOpening)
    {
        var entry = Entry(slug);

        Assert.Equal(EntryKind.Faq, entry.Kind);
        Assert.Equal([question], entry.Questions);
        Assert.StartsWith(answerOpening, entry.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("A1:", entry.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("**Q", entry.Answer, StringComparison.Ordinal);
        Assert.Equal(line, entry.Line);
        Assert.Equal(["How To Deep Clean Pores", "FAQ Section"], entry.HeadingPath);
        Assert.Equal(Canonical + "#faq-section", entry.Link);
        var passage = Assert.Single(entry.Passages);
        Assert.Equal(entry.Answer, passage.Markdown);
    }

    [Theory]
    [InlineData("understanding-your-pores-why-they-get-clogged", 36, "Why do pores get clogged?", "Understanding your pores", "Pores are tiny openings on your skin's surface.")]
    [InlineData("preparing-your-skin-for-deep-pore-cleansing", 46, "How do I prepare my skin for deep pore cleansing?", null, "Proper preparation makes a significant difference")]
    [InlineData("essential-cleansing-techniques-and-products", 56, "What are the essential cleansing techniques and products?", null, "After preparation, the actual cleansing step is vital.")]
    [InlineData("exfoliation-for-deep-pore-purification", 66, "How does exfoliation help deep pore purification?", null, "Exfoliation is a critical step in deep cleaning pores.")]
    [InlineData("targeted-treatments-masks-and-extraction", 76, "What targeted treatments (masks and extraction) help?", null, "Once you have cleansed and exfoliated")]
    [InlineData("post-cleansing-care-and-pore-maintenance", 86, "What should I know about post-cleansing care and pore maintenance?", null, "Deep cleaning pores is not a one-time event")]
    [InlineData("lifestyle-factors-for-clearer-pores", 96, "What lifestyle factors help clearer pores?", null, "Beyond your direct skincare routine")]
    [InlineData("when-to-seek-professional-help-for-pore-issues", 108, "When should I seek professional help for pore issues?", null, "Sometimes, at-home deep cleaning methods")]
    public void Every_section_heading_becomes_natural_questions_answered_by_the_section(
        string slug, int line, string question, string? alsoAsked, string answerOpening)
    {
        var entry = Entry(slug);

        Assert.Equal(EntryKind.Section, entry.Kind);
        Assert.Equal(question, entry.Question);
        Assert.True(entry.Questions.Count >= 2, "several phrasings");
        if (alsoAsked is not null)
        {
            Assert.Contains(alsoAsked, entry.Questions);
        }

        Assert.StartsWith(answerOpening, entry.Answer, StringComparison.Ordinal);
        Assert.Equal(line, entry.Line);
        Assert.Equal("How To Deep Clean Pores", entry.HeadingPath[0]);
        Assert.Equal(2, entry.HeadingPath.Count);
        Assert.Equal($"{Canonical}#{slug}", entry.Link);
        Assert.All(entry.Passages, p => Assert.Contains(p.Markdown, entry.Answer, StringComparison.Ordinal));
        Assert.Equal(entry.Passages.Select((_, i) => $"{entry.Id}-p{i + 1}"), entry.Passages.Select(p => p.Id));
    }

    [Fact]
    public void Title_entry_is_answered_by_the_summary_paragraph_then_the_takeaway_bullets()
    {
        var entry = Entry("overview");

        Assert.Equal(EntryKind.Article, entry.Kind);
        Assert.Equal("How do I deep clean pores?", entry.Question);
        Assert.StartsWith("To deep clean pores, you must first prepare the skin with steam or oil", entry.Answer, StringComparison.Ordinal);
        Assert.Equal([PassageKind.Paragraph, PassageKind.List], entry.Passages.Select(p => p.Kind));
        Assert.StartsWith("*   Regular, thorough cleansing prevents pore blockages.", entry.Passages[1].Markdown, StringComparison.Ordinal);
        Assert.Contains("Consistent aftercare maintains clear, healthy pores.", entry.Passages[1].Text, StringComparison.Ordinal);
        Assert.Equal(["How To Deep Clean Pores"], entry.HeadingPath);
        Assert.Equal(Canonical, entry.Link);
    }

    [Fact]
    public void Takeaway_faq_section_and_conclusion_are_not_questions_by_themselves()
    {
        var questions = Seed.Entries.SelectMany(e => e.Questions).ToArray();

        Assert.DoesNotContain(Seed.Entries, e => e.Id.EndsWith("takeaway", StringComparison.Ordinal)
            || e.Id.EndsWith("faq-section", StringComparison.Ordinal) || e.Id.EndsWith("conclusion", StringComparison.Ordinal));
        Assert.DoesNotContain(questions, q => q.Contains("takeaway", StringComparison.OrdinalIgnoreCase)
            || q.Contains("FAQ", StringComparison.Ordinal) || q.Contains("conclusion", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Links_inside_answers_stay_markdown_links_and_plain_text_drops_their_targets()
    {
        var entry = Entry("preparing-your-skin-for-deep-pore-cleansing");
        var passage = entry.Passages[^1];

        Assert.Contains("[how to clean your pores out](https://homeessentialsguide.com/how-to-clean-your-pores-out)", entry.Answer, StringComparison.Ordinal);
        Assert.Contains("[how to clean your pores out](https://homeessentialsguide.com/how-to-clean-your-pores-out)", passage.Markdown, StringComparison.Ordinal);
        Assert.EndsWith("effective for how to clean your pores out gently.", passage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_list_inside_a_section_is_one_list_passage()
    {
        var entry = Entry("when-to-seek-professional-help-for-pore-issues");

        var list = Assert.Single(entry.Passages, p => p.Kind == PassageKind.List);
        Assert.StartsWith("*   Your at-home routine is not producing desired results.", list.Markdown, StringComparison.Ordinal);
        Assert.EndsWith("specific skin type and concerns.", list.Markdown, StringComparison.Ordinal);
        Assert.StartsWith("A professional consultation", entry.Passages[^1].Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Extraction_is_deterministic()
    {
        var first = KnowledgeExtractor.Extract([TestPaths.SeedArticle]);
        var second = KnowledgeExtractor.Extract([TestPaths.SeedArticle]);

        Assert.Equal(KnowledgeBaseJson.Serialize(first), KnowledgeBaseJson.Serialize(second));
        Assert.Equal(KnowledgeBaseHash.Compute(first), KnowledgeBaseHash.Compute(second));
    }

    [Fact]
    public void Ids_and_answers_are_unchanged_after_a_whitespace_only_edit()
    {
        var edited = string.Join("\r\n", SeedText.Split('\n').Select(l => l.Length > 0 ? l + "   " : l)) + "\r\n\r\n\r\n";

        var reparsed = ArticleParser.ParseText(edited, "edited.md");

        Assert.Equal(Seed.Entries.Select(e => e.Id), reparsed.Entries.Select(e => e.Id));
        Assert.Equal(Seed.Entries.Select(e => e.Questions), reparsed.Entries.Select(e => e.Questions));
        Assert.Equal(Seed.Entries.Select(e => e.Passages.Select(p => p.Text)), reparsed.Entries.Select(e => e.Passages.Select(p => p.Text)));
    }

    [Fact]
    public void Ids_are_unchanged_when_unrelated_text_moves()
    {
        // Move the Lifestyle section before Exfoliation and rewrite a paragraph elsewhere.
        var lines = SeedText.Split('\n').ToList();
        var lifestyle = lines.GetRange(95, 12);
        lines.RemoveRange(95, 12);
        lines.InsertRange(65, lifestyle);
        var moved = string.Join('\n', lines).Replace("Pores are tiny openings on your skin's surface.", "Pores are small openings in the skin.", StringComparison.Ordinal);

        var reparsed = ArticleParser.ParseText(moved, "moved.md");

        Assert.Equal(Seed.Entries.Select(e => e.Id).Order(), reparsed.Entries.Select(e => e.Id).Order());
        var before = Seed.Entries.ToDictionary(e => e.Id);
        Assert.All(reparsed.Entries.Where(e => !e.Id.EndsWith("why-they-get-clogged", StringComparison.Ordinal)),
            e => Assert.Equal(before[e.Id].Answer, e.Answer));
    }

    [Fact]
    public void Knowledge_base_json_round_trips_with_the_same_hash()
    {
        var knowledgeBase = KnowledgeExtractor.ExtractDirectory(Path.GetDirectoryName(TestPaths.SeedArticle)!);

        var json = KnowledgeBaseJson.Serialize(knowledgeBase);
        var read = KnowledgeBaseJson.Deserialize(json);

        Assert.Equal(KnowledgeBaseHash.Compute(knowledgeBase), KnowledgeBaseHash.Compute(read));
        Assert.Contains("\"kind\": \"faq\"", json, StringComparison.Ordinal);
        Assert.Contains("\"canonicalUrl\": \"" + Canonical + "\"", json, StringComparison.Ordinal);
        Assert.Equal("how-to-deep-clean-pores.md", read.Articles[0].SourcePath);
    }

    private static FaqEntry Entry(string slug) => Seed.Entries.Single(e => e.Id == "how-to-deep-clean-pores--" + slug);
}
