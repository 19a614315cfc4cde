using System.Text.Json;
using FaqBot.Knowledge.Serialization;

namespace FaqBot.Cli.Tests.Commands;

public sealed class ExtractCommandTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "faqbot-cli-" + Guid.NewGuid().ToString("N"));

    public ExtractCommandTests() => Directory.CreateDirectory(_temp);

    private static string Articles => Path.Combine(CliRunner.RepoRoot, "data", "articles");

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task Extract_writes_the_seed_knowledge_base_as_json_to_stdout_and_lint_to_stderr()
    {
        var (exitCode, output, error) = await CliRunner.InProcessAsync("extract", "--articles", Articles);

        Assert.Equal(0, exitCode);
        var knowledgeBase = KnowledgeBaseJson.Deserialize(output);
        Assert.Equal(15, knowledgeBase.Entries.Count);
        Assert.Equal("How do I deep clean pores?", knowledgeBase.Entries[0].Question);
        Assert.Contains("warning: how-to-deep-clean-pores.md:", error, StringComparison.Ordinal);
        Assert.Contains("short answer plus \"more\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_as_tsv_writes_qna_maker_rows()
    {
        var (exitCode, output, _) = await CliRunner.InProcessAsync("extract", "--articles", Articles, "--format", "tsv");

        Assert.Equal(0, exitCode);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Question\tAnswer\tSource\tMetadata", rows[0]);
        Assert.Contains("How often should I deep clean my pores?\tDeep cleaning pores is generally recommended", output, StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Equal(4, r.Split('\t').Length));
    }

    [Fact]
    public async Task Extract_to_a_file_writes_it_whole_and_leaves_no_temporary_files()
    {
        var path = Path.Combine(_temp, "out", "knowledge.json");

        var (exitCode, output, error) = await CliRunner.InProcessAsync("extract", Path.Combine(Articles, "how-to-deep-clean-pores.md"), "--out", path);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"wrote 15 entries from 1 article(s) to {path}", error, StringComparison.Ordinal);
        Assert.Equal(15, (await KnowledgeBaseJson.ReadAsync(path)).Entries.Count);
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task Strict_bad_article_exits_1_naming_the_file_and_line_and_leaves_the_old_output_untouched()
    {
        var article = Path.Combine(_temp, "bad.md");
        await File.WriteAllTextAsync(article, "# Tea\n\n## FAQ\n\n**Q1: Is it bitter?**\n");
        var path = Path.Combine(_temp, "knowledge.json");
        await File.WriteAllTextAsync(path, "previous");

        var (exitCode, _, error) = await CliRunner.InProcessAsync("extract", article, "--out", path, "--strict");

        Assert.Equal(1, exitCode);
        Assert.Equal($"error: {article}:5: the FAQ question \"Is it bitter?\" has no answer; write the answer right after it (e.g. on the next line, \"A1: ...\").\n",
            error.ReplaceLineEndings("\n"));
        Assert.Equal("previous", await File.ReadAllTextAsync(path));
        Assert.Equal(2, Directory.GetFiles(_temp).Length);
    }

    [Fact]
    public async Task Bad_page_is_skipped_with_its_file_and_line_and_the_rest_is_written()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_temp, "articles")).FullName;
        var bad = Path.Combine(folder, "bad.md");
        await File.WriteAllTextAsync(bad, "# Tea\n\n## FAQ\n\n**Q1: Is it bitter?**\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "coffee.md"), "# Coffee\n\n## Brewing\n\nUse fresh beans.\n");
        Directory.CreateDirectory(Path.Combine(folder, "includes"));
        await File.WriteAllTextAsync(Path.Combine(folder, "includes", "note.md"), "A snippet without a heading.\n");
        var path = Path.Combine(_temp, "knowledge.json");

        var (exitCode, _, error) = await CliRunner.InProcessAsync("extract", "--articles", folder, "--out", path);

        Assert.Equal(0, exitCode);
        Assert.Contains($"skipped: {bad}:5: the FAQ question \"Is it bitter?\" has no answer", error, StringComparison.Ordinal);
        Assert.Contains("extract: 1 page(s) used, 1 snippet(s) not served on their own, 1 skipped; 1 entries, 1 passages", error, StringComparison.Ordinal);
        Assert.Equal(["coffee--brewing"], (await KnowledgeBaseJson.ReadAsync(path)).Entries.Select(e => e.Id));
    }

    [Fact]
    public async Task No_usable_page_exits_1_and_leaves_the_old_output_untouched()
    {
        var article = Path.Combine(_temp, "bad.md");
        await File.WriteAllTextAsync(article, "# Tea\n\n## FAQ\n\n**Q1: Is it bitter?**\n");
        var path = Path.Combine(_temp, "knowledge.json");
        await File.WriteAllTextAsync(path, "previous");

        var (exitCode, _, error) = await CliRunner.InProcessAsync("extract", article, "--out", path);

        Assert.Equal(1, exitCode);
        Assert.Contains($"skipped: {article}:5:", error, StringComparison.Ordinal);
        Assert.EndsWith("error: no page could be used, so there is nothing to answer with; fix the pages listed above.\n", error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal("previous", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Missing_article_is_named()
    {
        var missing = Path.Combine(_temp, "missing.md");

        var (exitCode, output, error) = await CliRunner.InProcessAsync("extract", missing);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith($"skipped: {missing}: file not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_articles_folder_exits_1_and_says_what_to_do()
    {
        var (exitCode, _, error) = await CliRunner.InProcessAsync("extract", "--articles", Path.Combine(_temp, "nowhere"));

        Assert.Equal(1, exitCode);
        Assert.Contains("not found; run from the repository root, pass --articles DIR, or name the article files.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executable_reads_data_articles_from_the_current_directory_by_default()
    {
        var (exitCode, output, _) = await CliRunner.ExecutableAsync(CliRunner.RepoRoot, "extract");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(15, json.RootElement.GetProperty("entries").GetArrayLength());
    }

    [Theory]
    [InlineData("extract", "--format", "xml")]
    [InlineData("extract", "--no-such-option")]
    [InlineData("no-such-command")]
    public async Task Bad_command_line_exits_2(params string[] args)
    {
        var (exitCode, _, error) = await CliRunner.ExecutableAsync(_temp, args);

        Assert.Equal(2, exitCode);
        Assert.NotEqual(string.Empty, error);
    }

    [Fact]
    public async Task Bad_article_through_the_executable_exits_1()
    {
        var article = Path.Combine(_temp, "empty.md");
        await File.WriteAllTextAsync(article, string.Empty);

        var (exitCode, output, error) = await CliRunner.ExecutableAsync(_temp, "extract", article);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"skipped: {article}: is empty", error, StringComparison.Ordinal);
        Assert.Contains("error: no page could be used", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_knowledge_settings_exit_1_with_the_setting_named_and_no_stack_trace()
    {
        var settings = new Dictionary<string, string> { ["Knowledge__BaseUrl"] = "docs/bot" };

        var (exitCode, _, error) = await CliRunner.ExecutableAsync(CliRunner.RepoRoot, settings, "extract");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: invalid settings", error, StringComparison.Ordinal);
        Assert.Contains("Knowledge:BaseUrl", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_describes_the_command_and_its_exit_codes()
    {
        var (exitCode, output, _) = await CliRunner.InProcessAsync("extract", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--format", output, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 done, 1 bad input", output, StringComparison.Ordinal);
    }
}
