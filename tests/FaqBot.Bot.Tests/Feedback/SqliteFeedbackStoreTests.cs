using FaqBot.Bot.Feedback;
using Microsoft.Data.Sqlite;

namespace FaqBot.Bot.Tests.Feedback;

public sealed class SqliteFeedbackStoreTests : FeedbackRetentionContract, IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "faqbot-store-tests", Guid.NewGuid().ToString("n"));

    private string DatabasePath => Path.Combine(_directory, "nested", "feedback.db");

    [Fact]
    public async Task The_first_write_creates_the_folder_and_a_wal_mode_database()
    {
        using var store = new SqliteFeedbackStore(DatabasePath);
        await store.RecordAsync(Event("how do I clean pores", FeedbackKind.Declined, T0), CancellationToken.None);

        Assert.True(File.Exists(DatabasePath));
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Review_groups_by_normalised_question_most_frequent_first_with_counts_and_last_seen()
    {
        using (var store = new SqliteFeedbackStore(DatabasePath))
        {
            await store.RecordAsync(Event("Can I use a toothbrush?", FeedbackKind.Declined, T0), CancellationToken.None);
            await store.RecordAsync(Event("can i use a TOOTHBRUSH", FeedbackKind.NoneOfThese, T0.AddMinutes(5), "e1"), CancellationToken.None);
            await store.RecordAsync(Event("Can I use a toothbrush??", FeedbackKind.Declined, T0.AddMinutes(9), conversation: "conversation-3"), CancellationToken.None);
            await store.RecordAsync(Event("Is steaming safe?", FeedbackKind.Unhelpful, T0.AddMinutes(1), "e2"), CancellationToken.None);
            await store.RecordAsync(Event("Is steaming safe?", FeedbackKind.Unhelpful, T0.AddMinutes(2), "e2", "conversation-2"), CancellationToken.None);
            await store.RecordAsync(Event("What is retinol?", FeedbackKind.Declined, T0.AddMinutes(3)), CancellationToken.None);
            await store.RecordAsync(Event("How often?", FeedbackKind.Helpful, T0.AddMinutes(4), "e3"), CancellationToken.None);
        }

        var items = await SqliteFeedbackStore.ReviewAsync(DatabasePath, new FeedbackReviewQuery([], Top: 10), CancellationToken.None);

        Assert.NotNull(items);
        Assert.Equal(["can i use a toothbrush", "is steaming safe", "what is retinol"], items.Select(i => i.NormalizedQuestion));
        var toothbrush = items[0];
        Assert.Equal(3, toothbrush.Count);
        Assert.Equal("Can I use a toothbrush??", toothbrush.Question);
        Assert.Equal(new Dictionary<string, int> { ["declined"] = 2, ["none_of_these"] = 1 }, toothbrush.CountsByKind);
        Assert.Equal(["e1"], toothbrush.EntryIds);
        Assert.Equal(T0, toothbrush.FirstSeen);
        Assert.Equal(T0.AddMinutes(9), toothbrush.LastSeen);
        Assert.Equal(new Dictionary<string, int> { ["unhelpful"] = 2 }, items[1].CountsByKind);
    }

    [Fact]
    public async Task Review_filters_by_kind_and_limits_to_top()
    {
        using (var store = new SqliteFeedbackStore(DatabasePath))
        {
            await store.RecordAsync(Event("a", FeedbackKind.Declined, T0), CancellationToken.None);
            await store.RecordAsync(Event("b", FeedbackKind.Unhelpful, T0), CancellationToken.None);
            await store.RecordAsync(Event("b", FeedbackKind.Unhelpful, T0, conversation: "conversation-2"), CancellationToken.None);
            await store.RecordAsync(Event("c", FeedbackKind.Helpful, T0), CancellationToken.None);
        }

        var helpful = await SqliteFeedbackStore.ReviewAsync(DatabasePath, new FeedbackReviewQuery([FeedbackKind.Helpful], 10), CancellationToken.None);
        var top1 = await SqliteFeedbackStore.ReviewAsync(DatabasePath, new FeedbackReviewQuery([], 1), CancellationToken.None);

        Assert.Equal(["c"], helpful!.Select(i => i.Question));
        Assert.Equal(["b"], top1!.Select(i => i.Question));
    }

    [Fact]
    public async Task Review_of_a_missing_database_returns_null_and_creates_nothing()
    {
        var items = await SqliteFeedbackStore.ReviewAsync(DatabasePath, new FeedbackReviewQuery([], 10), CancellationToken.None);

        Assert.Null(items);
        Assert.False(Directory.Exists(_directory));
    }

    [Fact]
    public async Task Concurrent_writes_from_many_turns_all_land()
    {
        using var store = new SqliteFeedbackStore(DatabasePath);
        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Task.Run(() =>
            store.RecordAsync(Event($"question {i % 30}", FeedbackKind.Declined, T0.AddSeconds(i), conversation: $"c{i}"), CancellationToken.None))));

        var items = await SqliteFeedbackStore.ReviewAsync(DatabasePath, new FeedbackReviewQuery([], 100), CancellationToken.None);
        Assert.Equal(30, items!.Count);
        Assert.All(items, i => Assert.Equal(10, i.Count));
    }

    [Fact]
    public async Task Two_stores_on_one_file_like_two_processes_both_write_safely()
    {
        using var first = new SqliteFeedbackStore(DatabasePath);
        using var second = new SqliteFeedbackStore(DatabasePath);
        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).RecordAsync(Event("same question", FeedbackKind.Unhelpful, T0, conversation: $"c{i}"), CancellationToken.None))));

        var items = await SqliteFeedbackStore.ReviewAsync(DatabasePath, new FeedbackReviewQuery([], 10), CancellationToken.None);
        Assert.Equal(100, Assert.Single(items!).Count);
    }

    [Fact]
    public async Task An_unusable_path_fails_with_a_message_naming_it()
    {
        Directory.CreateDirectory(_directory);
        var blocker = Path.Combine(_directory, "nested");
        await File.WriteAllTextAsync(blocker, "a file, not a folder");
        using var store = new SqliteFeedbackStore(DatabasePath);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.RecordAsync(Event("q", FeedbackKind.Declined, T0), CancellationToken.None));
        Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_store_refuses_later_events_and_keeps_what_it_stored()
    {
        var store = new SqliteFeedbackStore(DatabasePath);
        await store.RecordAsync(Event("kept", FeedbackKind.Declined, T0), CancellationToken.None);
        store.Dispose();
        store.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.RecordAsync(Event("too late", FeedbackKind.Declined, T0), CancellationToken.None));
        var items = await SqliteFeedbackStore.ReviewAsync(DatabasePath, new FeedbackReviewQuery([], 10), CancellationToken.None);
        Assert.Equal("kept", Assert.Single(items!).Question);
    }

    [Fact]
    public async Task A_failed_insert_is_reported_to_its_caller_and_the_next_event_reopens_the_database()
    {
        using var store = new SqliteFeedbackStore(DatabasePath);
        await store.RecordAsync(Event("first", FeedbackKind.Declined, T0), CancellationToken.None);
        await DropFeedbackTableAsync();

        // The next insert fails on the dropped table; the one after reopens the database, which recreates it.
        await Assert.ThrowsAsync<SqliteException>(() => store.RecordAsync(Event("lost", FeedbackKind.Declined, T0), CancellationToken.None));
        await store.RecordAsync(Event("after", FeedbackKind.Declined, T0), CancellationToken.None);

        var items = await SqliteFeedbackStore.ReviewAsync(DatabasePath, new FeedbackReviewQuery([], 10), CancellationToken.None);
        Assert.Equal("after", Assert.Single(items!).Question);
    }

    [Fact]
    public async Task Questions_with_any_printable_text_are_stored_as_typed()
    {
        // Quotes, emoji, non-Latin script and a lone surrogate (a JSON body can carry "\ud800"); a newline becomes a space.
        string[] questions = ["say \"hi\"\nthen \\ bye", "pores 🧼 毛穴", "broken \ud800 half"];
        using (var store = new SqliteFeedbackStore(DatabasePath))
        {
            foreach (var question in questions)
            {
                await store.RecordAsync(Event(question, FeedbackKind.Declined, T0), CancellationToken.None);
            }
        }

        // SQLite keeps text as UTF-8, where a lone surrogate becomes U+FFFD.
        var items = await SqliteFeedbackStore.ReviewAsync(DatabasePath, new FeedbackReviewQuery([], 10), CancellationToken.None);
        Assert.Equal(questions.Select(q => q.Replace('\ud800', '\ufffd').Replace('\n', ' ')).Order(), items!.Select(i => i.Question).Order());
    }

    [Fact]
    public async Task Questions_are_stored_without_terminal_escape_sequences_or_bidi_overrides()
    {
        using (var store = new SqliteFeedbackStore(DatabasePath))
        {
            await store.RecordAsync(Event("\u001b]0;owned\u0007is \u001b[31msteaming\u001b[0m safe?\u202e\u0000", FeedbackKind.Declined, T0), CancellationToken.None);
        }

        var items = await SqliteFeedbackStore.ReviewAsync(DatabasePath, new FeedbackReviewQuery([], 10), CancellationToken.None);
        Assert.Equal("is steaming safe?", Assert.Single(items!).Question);
    }

    [Theory]
    [InlineData("Can I exfoliate  every day?!", "can i exfoliate every day")]
    [InlineData("  DON'T   use hot water… ", "dont use hot water")]
    [InlineData("???", "")]
    public void Questions_are_normalised_for_grouping(string question, string expected) =>
        Assert.Equal(expected, QuestionNormalizer.Normalize(question));

    protected override IFeedbackStore CreateStore(FeedbackRetention retention) => new SqliteFeedbackStore(DatabasePath, retention);

    protected override async Task<IReadOnlyList<FeedbackReviewItem>> ReviewAllAsync() =>
        await SqliteFeedbackStore.ReviewAsync(DatabasePath, new FeedbackReviewQuery([], 100), CancellationToken.None) ?? [];

    protected override async Task<long> RowCountAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM feedback;";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    // Another process drops the table under the store's open connection.
    private async Task DropFeedbackTableAsync()
    {
        await using var other = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await other.OpenAsync();
        await using var drop = other.CreateCommand();
        drop.CommandText = "DROP TABLE feedback;";
        await drop.ExecuteNonQueryAsync();
    }

    private static FeedbackEvent Event(string question, FeedbackKind kind, DateTimeOffset time, string? entry = null, string conversation = "conversation-1") =>
        new(time, "emulator", conversation, question, entry, 0.5f, kind);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
