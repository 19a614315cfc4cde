using FaqBot.Knowledge.Extraction;

namespace FaqBot.Cli.Tests.Commands;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "faqbot-import-" + Guid.NewGuid().ToString("N"));

    public ImportCommandTests() => Directory.CreateDirectory(_temp);

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task Extract_as_tsv_then_import_then_extract_again_gives_the_same_question_answer_pairs()
    {
        var tsv = Path.Combine(_temp, "kb.tsv");
        var (_, exported, _) = await CliRunner.InProcessAsync("extract", "--articles", Path.Combine(CliRunner.RepoRoot, "data", "articles"), "--format", "tsv");
        await File.WriteAllTextAsync(tsv, exported);
        var folder = Path.Combine(_temp, "imported");

        var (exitCode, _, error) = await CliRunner.InProcessAsync("import", tsv, "--out", folder);
        var (_, reexported, _) = await CliRunner.InProcessAsync("extract", "--articles", folder, "--format", "tsv");

        Assert.Equal(0, exitCode);
        Assert.Contains("imported 15 question/answer pair(s) into 1 article(s)", error, StringComparison.Ordinal);
        Assert.Equal(Pairs(exported), Pairs(reexported));
        Assert.Equal(37, Pairs(exported).Count);
    }

    [Fact]
    public async Task Json_export_with_qna_documents_becomes_one_article_per_source_with_alternate_questions()
    {
        var json = Path.Combine(_temp, "kb.json");
        await File.WriteAllTextAsync(json, """
            {"qnaDocuments": [
              {"id": 1, "answer": "Go to **Settings** and choose *Reset password*.", "source": "https://contoso.com/help/account-faq",
               "questions": ["How do I reset my password?", "I forgot my password"], "metadata": [{"name": "category", "value": "account"}]},
              {"id": 2, "answer": "- Visa\n- Mastercard", "source": "Editorial", "questions": ["Which cards do you take?"], "metadata": []}
            ]}
            """);
        var folder = Path.Combine(_temp, "imported");

        var (exitCode, _, _) = await CliRunner.InProcessAsync("import", json, "--out", folder);
        var knowledgeBase = KnowledgeExtractor.ExtractDirectory(folder);

        Assert.Equal(0, exitCode);
        Assert.Equal(["account-faq.md", "editorial.md"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var reset = knowledgeBase.Entries.Single(e => e.Question == "How do I reset my password?");
        Assert.Equal(["How do I reset my password?", "I forgot my password"], reset.Questions);
        Assert.Equal("Go to **Settings** and choose *Reset password*.", reset.Answer);
        Assert.StartsWith("https://contoso.com/help/account-faq#", reset.Link, StringComparison.Ordinal);
        Assert.Equal("- Visa\n- Mastercard", knowledgeBase.Entries.Single(e => e.Question == "Which cards do you take?").Answer);
    }

    [Fact]
    public async Task Importing_over_existing_articles_is_refused_without_force()
    {
        var tsv = Path.Combine(_temp, "kb.tsv");
        await File.WriteAllTextAsync(tsv, "Question\tAnswer\tSource\tMetadata\nHi?\tHello.\tEditorial\t\n");
        var folder = Directory.CreateDirectory(Path.Combine(_temp, "imported")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "editorial.md"), "mine");

        var (exitCode, _, error) = await CliRunner.InProcessAsync("import", tsv, "--out", folder);

        Assert.Equal(1, exitCode);
        Assert.Contains("already exist(s); pass --force", error, StringComparison.Ordinal);
        Assert.Equal("mine", await File.ReadAllTextAsync(Path.Combine(folder, "editorial.md")));
    }

    [Fact]
    public async Task A_file_that_is_not_an_export_is_named_with_its_line()
    {
        var tsv = Path.Combine(_temp, "notes.tsv");
        await File.WriteAllTextAsync(tsv, "Name\tValue\n");

        var (exitCode, _, error) = await CliRunner.InProcessAsync("import", tsv, "--out", Path.Combine(_temp, "out"));

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"error: {tsv}:1: is not a QnA Maker TSV export", error, StringComparison.Ordinal);
    }

    private static HashSet<(string Question, string Answer)> Pairs(string tsv) =>
        [.. tsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(row => row.Split('\t')).Select(f => (f[0], f[1]))];
}
