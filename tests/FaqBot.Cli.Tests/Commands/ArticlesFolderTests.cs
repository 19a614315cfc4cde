namespace FaqBot.Cli.Tests.Commands;

/// <summary>
/// The commands that answer (<c>ask</c>, <c>train</c>, <c>chat</c>) read the articles folder as the web host does: a page
/// that cannot be used is skipped with a warning naming its file and line, the rest is answered from, and relative
/// addresses resolve against <c>Knowledge:BaseUrl</c>.
/// </summary>
public sealed class ArticlesFolderTests : IDisposable
{
    private const string Tea =
        "# Green tea\n\n## How hot should the water be for green tea?\n\nAround 80 degrees; boiling water makes it bitter.\n\n"
        + "## How long should green tea steep?\n\nTwo to three minutes; longer brings out the bitterness.\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-cli-articles-").FullName;
    private readonly string _articles;

    public ArticlesFolderTests()
    {
        _articles = Directory.CreateDirectory(Path.Combine(_folder, "articles")).FullName;
        File.Copy(Path.Combine(CliRunner.RepoRoot, "data", "articles", "how-to-deep-clean-pores.md"), Path.Combine(_articles, "how-to-deep-clean-pores.md"));
        File.WriteAllText(Path.Combine(_articles, "green-tea.md"), Tea);
        File.WriteAllText(Path.Combine(_articles, "broken.md"), "---\ntitle: Black tea\n\n# Black tea\n\nBoiling water.\n");
    }

    [Fact]
    public async Task Ask_and_chat_warn_about_a_broken_page_and_answer_from_the_others_with_links_under_the_base_url()
    {
        var warning = $"warning: skipped {Path.Combine(_articles, "broken.md")}:1: front matter starts with '---' here but is never closed";

        var (asked, answer, askErrors) = await RunAsync("ask", "How long should green tea steep?");

        Assert.True(asked == 0, askErrors);
        Assert.Contains(warning, askErrors, StringComparison.Ordinal);
        Assert.Contains("Two to three minutes", answer, StringComparison.Ordinal);
        Assert.Contains("Link: https://docs.example.com/tea/green-tea#how-long-should-green-tea-steep", answer, StringComparison.Ordinal);

        // chat ends at the end of its input, after loading the model ask saved
        var (chatted, _, chatErrors) = await RunAsync("chat", "--data", Path.Combine(_folder, "data"));

        Assert.True(chatted == 0, chatErrors);
        Assert.Contains(warning, chatErrors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_with_no_usable_page_exits_1_naming_the_page_and_what_is_wrong()
    {
        File.Delete(Path.Combine(_articles, "how-to-deep-clean-pores.md"));
        File.Delete(Path.Combine(_articles, "green-tea.md"));

        var (exitCode, _, error) = await RunAsync("train");

        Assert.Equal(1, exitCode);
        Assert.Contains("error: ", error, StringComparison.Ordinal);
        Assert.Contains("no page can be used", error, StringComparison.Ordinal);
        Assert.Contains("broken.md:1: front matter", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_base_url_that_is_not_an_http_address_is_refused_with_the_setting_named()
    {
        var (exitCode, _, error) = await RunAsync(new Dictionary<string, string> { ["Knowledge__BaseUrl"] = "docs/tea" }, "ask", "How long should green tea steep?");

        Assert.Equal(1, exitCode);
        Assert.Contains("Knowledge:BaseUrl must be empty or an absolute http(s) address", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    private Task<(int ExitCode, string Out, string Error)> RunAsync(IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        var environment = new Dictionary<string, string>
        {
            ["Knowledge__ArticlesDirectory"] = _articles,
            ["Knowledge__BaseUrl"] = "https://docs.example.com/tea/",
            ["Knowledge__Reload__Enabled"] = "false",
            ["Classifier__ModelDirectory"] = Path.Combine(_folder, "model"),
        };
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        return CliRunner.ExecutableAsync(_folder, environment, args);
    }
}
