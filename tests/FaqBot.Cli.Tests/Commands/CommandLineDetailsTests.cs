namespace FaqBot.Cli.Tests.Commands;

/// <summary>
/// Command-line details people hit (issue 17): a bad command line exits 2 with what to type, a questions file names the
/// line at fault, and piped output reads as lines.
/// </summary>
public sealed class CommandLineDetailsTests : IDisposable
{
    private const string GreenTea =
        "# Green tea\n\n## How hot should the water be?\n\nAround 80 degrees; boiling water makes green tea bitter.\n\n"
        + "## How long should it steep?\n\nTwo to three minutes; longer brings out the bitterness.\n";

    private const string BlackTea =
        "# Black tea\n\n## How hot should the water be?\n\nJust off the boil, so the leaves open fully.\n\n"
        + "## How much milk should I add?\n\nA splash, added after brewing, so the tea keeps its colour.\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-cli-details-").FullName;
    private readonly string _articles;

    public CommandLineDetailsTests()
    {
        _articles = Directory.CreateDirectory(Path.Combine(_folder, "articles")).FullName;
        File.WriteAllText(Path.Combine(_articles, "green-tea.md"), GreenTea);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Ask_with_an_empty_question_exits_2_with_the_usage_and_trains_nothing(string question)
    {
        var (exitCode, output, error) = await RunAsync("ask", question);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("error: the question is empty. Usage: ask \"", error, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.False(Directory.Exists(Path.Combine(_folder, "model")));
    }

    [Theory]
    [InlineData("--folds", "-1")]
    [InlineData("--folds", "5")]
    public async Task Train_with_an_option_it_does_not_have_exits_2_naming_it(string option, string value)
    {
        var (exitCode, _, error) = await RunAsync("train", option, value);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains($"Unrecognized command or argument '{option}'", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "model")));
    }

    [Fact]
    public async Task Eval_names_the_file_and_line_of_an_entry_id_the_knowledge_base_does_not_have()
    {
        var questions = Questions("# one comment line", "How hot should the water be?\thow-hot-should-the-water-be", "How long?\tno-such-entry");

        var (exitCode, _, error) = await RunAsync("eval", "--questions", questions);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains($"error: {questions}:3: no entry 'no-such-entry' in the knowledge base.", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "model")));
    }

    [Fact]
    public async Task Eval_refuses_a_short_id_two_articles_share_and_names_both_full_ids()
    {
        File.WriteAllText(Path.Combine(_articles, "black-tea.md"), BlackTea);
        var questions = Questions("How hot should the water be?\thow-hot-should-the-water-be");

        var (exitCode, _, error) = await RunAsync("eval", "--questions", questions);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains($"{questions}:1: 'how-hot-should-the-water-be' is the short id of 2 entries", error, StringComparison.Ordinal);
        Assert.Contains("green-tea--how-hot-should-the-water-be", error, StringComparison.Ordinal);
        Assert.Contains("black-tea--how-hot-should-the-water-be", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Piped_train_prints_one_line_per_step_and_eval_takes_the_short_ids_and_says_na_without_out_of_scope_questions()
    {
        var (trained, trainOutput, trainErrors) = await RunAsync("train");

        Assert.True(trained == 0, trainErrors);
        Assert.DoesNotContain('\r', trainOutput);
        var lines = trainOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 5, trainOutput);
        Assert.StartsWith("Training on ", lines[0], StringComparison.Ordinal);
        Assert.Single(lines, l => l.StartsWith("Saved to ", StringComparison.Ordinal));

        var questions = Questions(
            "How hot should the water be for green tea?\thow-hot-should-the-water-be",
            "How long should green tea steep?\tgreen-tea--how-long-should-it-steep");
        var (evaluated, evalOutput, evalErrors) = await RunAsync("eval", "--questions", questions, "--report", Path.Combine(_folder, "report.html"));

        Assert.True(evaluated == 0, evalErrors);
        Assert.DoesNotContain('\r', evalErrors);
        Assert.Contains("Questions: 2 (2 in scope, 0 out of scope)", evalOutput, StringComparison.Ordinal);
        Assert.Contains("Out-of-scope rejection: n/a (no out-of-scope questions)", evalOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("rejection: 0.0", evalOutput, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Questions(params string[] lines)
    {
        var path = Path.Combine(_folder, "questions.tsv");
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    private Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) =>
        CliRunner.ExecutableAsync(_folder, new Dictionary<string, string>
        {
            ["Knowledge__ArticlesDirectory"] = _articles,
            ["Classifier__ModelDirectory"] = Path.Combine(_folder, "model"),
            ["Bot__DataDirectory"] = Path.Combine(_folder, "data"),
        }, args);
}
