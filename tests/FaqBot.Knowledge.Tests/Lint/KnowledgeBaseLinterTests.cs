using FaqBot.Knowledge.Extraction;
using FaqBot.Knowledge.Lint;
using FaqBot.Knowledge.Model;

namespace FaqBot.Knowledge.Tests.Lint;

public sealed class KnowledgeBaseLinterTests
{
    [Fact]
    public void Near_duplicate_questions_of_different_entries_are_flagged()
    {
        var knowledgeBase = Build(("How often should I water cactus?", "Rarely."), ("How often should I water my cactus?", "Once a month."), ("Is sun good?", "Yes."));

        var finding = Assert.Single(KnowledgeBaseLinter.Lint(knowledgeBase));

        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Equal("a--q0", finding.EntryId);
        Assert.Contains("near-duplicate", finding.Message, StringComparison.Ordinal);
        Assert.Contains("a--q1", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_answers_should_become_a_short_answer_plus_more()
    {
        var finding = Assert.Single(KnowledgeBaseLinter.Lint(Build(("Why?", new string('x', 1501)))));

        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Contains("1,501 characters", finding.Message, StringComparison.Ordinal);
        Assert.Contains("short answer plus \"more\"", finding.Message, StringComparison.Ordinal);
        Assert.Equal("warning: a.md:7: a--q0: " + finding.Message, finding.ToString());
    }

    [Fact]
    public void Answers_over_the_teams_limit_are_errors()
    {
        var finding = Assert.Single(KnowledgeBaseLinter.Lint(Build(("Why?", new string('é', 15000)))));

        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.StartsWith("error: ", finding.ToString(), StringComparison.Ordinal);
        Assert.Contains("Teams", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_has_no_near_duplicates_and_flags_only_long_sections()
    {
        var findings = KnowledgeBaseLinter.Lint(KnowledgeExtractor.Extract([TestPaths.SeedArticle]));

        Assert.DoesNotContain(findings, f => f.Message.Contains("near-duplicate", StringComparison.Ordinal));
        Assert.All(findings, f => Assert.Contains("--", f.EntryId, StringComparison.Ordinal));
        Assert.All(findings, f => Assert.Equal(LintSeverity.Warning, f.Severity));
    }

    private static KnowledgeBase Build(params (string Question, string Answer)[] pairs) => new(
        [new Article("a", "A", "a.md", null, null, [], null)],
        [.. pairs.Select((p, i) => new FaqEntry($"a--q{i}", "a", EntryKind.Faq, [p.Question], p.Answer, ["A"], null, [], 7))]);
}
