using System.CommandLine;
using System.Text.Json;
using FaqBot.Bot.Feedback;
using FaqBot.Cli.Commands;
using Microsoft.Data.Sqlite;

namespace FaqBot.Cli.Tests.Commands;

public sealed class ReviewCommandTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly string _data = Path.Combine(Path.GetTempPath(), "faqbot-review-tests", Guid.NewGuid().ToString("n"));

    [Fact]
    public async Task Review_lists_unanswered_and_unhelpful_questions_most_frequent_first()
    {
        await SeedAsync();

        var (exit, output, error) = await RunAsync("review", "--data", _data);

        Assert.Equal(0, exit);
        Assert.Empty(error);
        var toothbrush = output.IndexOf("Can I use a toothbrush?", StringComparison.Ordinal);
        var steaming = output.IndexOf("Is steaming safe?", StringComparison.Ordinal);
        Assert.InRange(toothbrush, 0, steaming);
        Assert.Contains("declined 2, none_of_these 1", output, StringComparison.Ordinal);
        Assert.Contains("2026-03-01 09:09", output, StringComparison.Ordinal);
        Assert.DoesNotContain("How often?", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_as_json_can_filter_by_kind_and_limit()
    {
        await SeedAsync();

        var (exit, output, _) = await RunAsync("review", "--data", _data, "--format", "json", "--kind", "unhelpful", "helpful", "--top", "5");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["Is steaming safe?", "How often?"], items.Select(i => i.GetProperty("question").GetString()));
        Assert.Equal(2, items[0].GetProperty("count").GetInt32());
        Assert.Equal("e2", items[0].GetProperty("entryIds")[0].GetString());
    }

    [Fact]
    public async Task Review_of_an_empty_data_folder_says_nothing_is_recorded_and_creates_no_database()
    {
        Directory.CreateDirectory(_data);

        var (exit, output, error) = await RunAsync("review", "--data", _data, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal("[]", output.Trim());
        Assert.Contains("No feedback recorded yet", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_data));
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    public async Task Review_prints_rows_stored_with_escape_sequences_without_them(string format)
    {
        // A row as an older build stored it: the user's raw text, with sequences that retitle and clear the terminal.
        await SeedAsync();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "feedback.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO feedback (time, channel, conversation, question, normalized_question, entry_id, confidence, kind)
                VALUES ('2026-03-01T10:00:00.000Z', 'directline', 'c9', @question, 'owned', NULL, 0.1, 'declined');
                """;
            insert.Parameters.AddWithValue("@question", "\u001b]0;owned\u0007\u001b[2J\u009b31mowned\u202e?\u0000\u0008");
            await insert.ExecuteNonQueryAsync();
        }

        var (exit, output, _) = await RunAsync("review", "--data", _data, "--format", format);

        Assert.Equal(0, exit);
        Assert.Contains("owned?", output, StringComparison.Ordinal);
        Assert.DoesNotContain(output, c => c is not ('\n' or '\r') && ControlCharacters.IsUnsafe(c));
    }

    [Theory]
    [InlineData(1, "data folder", "review", "--data", "/definitely/not/here")]
    [InlineData(2, "unknown --kind 'sometimes'", "review", "--kind", "sometimes")]
    [InlineData(2, "--top must be at least 1", "review", "--top", "0")]
    public async Task Bad_input_exits_non_zero_with_a_clear_message(int expectedExit, string message, params string[] args)
    {
        var (exit, _, error) = await RunAsync(args);

        Assert.Equal(expectedExit, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    private async Task SeedAsync()
    {
        using var store = new SqliteFeedbackStore(Path.Combine(_data, "feedback.db"));
        await store.RecordAsync(new(T0, "emulator", "c1", "Can I use a toothbrush?", null, 0.1f, FeedbackKind.Declined), CancellationToken.None);
        await store.RecordAsync(new(T0.AddMinutes(5), "emulator", "c2", "can i use a TOOTHBRUSH", "e1", 0.3f, FeedbackKind.NoneOfThese), CancellationToken.None);
        await store.RecordAsync(new(T0.AddMinutes(9), "msteams", "c3", "Can I use a toothbrush?", null, 0.1f, FeedbackKind.Declined), CancellationToken.None);
        await store.RecordAsync(new(T0.AddMinutes(1), "emulator", "c1", "Is steaming safe?", "e2", 0.6f, FeedbackKind.Unhelpful), CancellationToken.None);
        await store.RecordAsync(new(T0.AddMinutes(2), "emulator", "c4", "Is steaming safe?", "e2", 0.6f, FeedbackKind.Unhelpful), CancellationToken.None);
        await store.RecordAsync(new(T0.AddMinutes(4), "emulator", "c4", "How often?", "e3", 0.9f, FeedbackKind.Helpful), CancellationToken.None);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand { ReviewCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parse = root.Parse(args);
        var exit = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (parse.Errors.Count > 0 ? ExitCodes.Usage : exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
