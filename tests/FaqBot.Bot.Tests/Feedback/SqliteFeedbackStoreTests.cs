using FaqBot.Bot.Feedback;
using FaqBot.Bot.Tests.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace FaqBot.Bot.Tests.Feedback;

public sealed class SqliteFeedbackStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "faqbot-store-tests", Guid.NewGuid().ToString("n"));

    private string DatabasePath => Path.Combine(_directory, "nested", "feedback.db");

    [Fact]
    public async Task The_first_write_creates_the_folder_and_a_wal_mode_database()
    {
        using var store = new SqliteFeedbackStore(DatabasePath);
        await store.RecordAsync(Event("how do I clean pores", FeedbackKind.Declined, T0), CancellationToken.None);
        await store.FlushAsync(CancellationToken.None);

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
            await store.RecordAsync(Event("Can I use a toothbrush??", FeedbackKind.Declined, T0.AddMinutes(9)), CancellationToken.None);
            await store.RecordAsync(Event("Is steaming safe?", FeedbackKind.Unhelpful, T0.AddMinutes(1), "e2"), CancellationToken.None);
            await store.RecordAsync(Event("Is steaming safe?", FeedbackKind.Unhelpful, T0.AddMinutes(2), "e2"), CancellationToken.None);
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
            await store.RecordAsync(Event("b", FeedbackKind.Unhelpful, T0), CancellationToken.None);
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
            store.RecordAsync(Event($"question {i % 30}", FeedbackKind.Declined, T0.AddSeconds(i)), CancellationToken.None))));
        await store.FlushAsync(CancellationToken.None);

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
            (i % 2 == 0 ? first : second).RecordAsync(Event("same question", FeedbackKind.Unhelpful, T0), CancellationToken.None))));
        await Task.WhenAll(first.FlushAsync(CancellationToken.None), second.FlushAsync(CancellationToken.None));

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
    public async Task Shutting_down_commits_what_is_queued_and_refuses_later_events()
    {
        var store = new SqliteFeedbackStore(DatabasePath);
        var pending = Enumerable.Range(0, 50)
            .Select(i => store.RecordAsync(Event($"question {i}", FeedbackKind.Declined, T0), CancellationToken.None))
            .ToList();
        store.Dispose();
        store.Dispose();

        await Task.WhenAll(pending);
        var items = await SqliteFeedbackStore.ReviewAsync(DatabasePath, new FeedbackReviewQuery([], 100), CancellationToken.None);
        Assert.Equal(50, items!.Count);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.RecordAsync(Event("too late", FeedbackKind.Declined, T0), CancellationToken.None));
    }

    [Fact]
    public async Task Surviving_power_loss_a_failed_commit_is_reported_to_its_callers_and_the_next_write_reopens_the_database()
    {
        using var store = new SqliteFeedbackStore(DatabasePath, survivePowerLoss: true);
        await store.RecordAsync(Event("first", FeedbackKind.Declined, T0), CancellationToken.None);
        await DropFeedbackTableAsync();

        // The next commit fails on the dropped table; the one after reopens the database, which recreates it.
        await Assert.ThrowsAsync<SqliteException>(() => store.RecordAsync(Event("lost", FeedbackKind.Declined, T0), CancellationToken.None));
        await store.RecordAsync(Event("after", FeedbackKind.Declined, T0), CancellationToken.None);

        var items = await SqliteFeedbackStore.ReviewAsync(DatabasePath, new FeedbackReviewQuery([], 10), CancellationToken.None);
        Assert.Equal("after", Assert.Single(items!).Question);
    }

    [Fact]
    public async Task A_failed_commit_of_journaled_events_is_retried_until_it_succeeds_and_loses_nothing()
    {
        var logs = new ListLoggerProvider();
        using var store = new SqliteFeedbackStore(DatabasePath, logger: new LoggerFactory([logs]).CreateLogger<SqliteFeedbackStore>());
        await store.RecordAsync(Event("first", FeedbackKind.Declined, T0), CancellationToken.None);
        await store.FlushAsync(CancellationToken.None);
        await DropFeedbackTableAsync();

        // Acknowledged from the journal at once; the commit fails on the dropped table, and the retry reopens the database.
        await store.RecordAsync(Event("kept", FeedbackKind.Declined, T0), CancellationToken.None);
        await store.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));

        var items = await SqliteFeedbackStore.ReviewAsync(DatabasePath, new FeedbackReviewQuery([], 10), CancellationToken.None);
        Assert.Equal("kept", Assert.Single(items!).Question);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("retrying", StringComparison.Ordinal));
    }

    [Fact]
    public async Task While_the_database_refuses_commits_events_wait_in_the_journal_up_to_a_bound_and_stay_there_for_the_next_start()
    {
        // A folder where the database file should be: the journal beside it works, every commit fails.
        Directory.CreateDirectory(DatabasePath);
        var store = new SqliteFeedbackStore(DatabasePath) { MaxWaiting = 5 };
        var accepted = 0;
        InvalidOperationException? refused = null;
        for (var i = 0; i < 50 && refused is null; i++)
        {
            try
            {
                await store.RecordAsync(Event($"waiting {i}", FeedbackKind.Declined, T0), CancellationToken.None);
                accepted++;
            }
            catch (InvalidOperationException ex)
            {
                refused = ex;
            }
        }

        var journal = store.JournalPath!;
        await Task.Run(store.Dispose).WaitAsync(TimeSpan.FromMinutes(1)); // gives up after a few attempts, keeps the journal

        Assert.NotNull(refused);
        Assert.Contains("waiting for the database", refused.Message, StringComparison.Ordinal);
        Assert.InRange(accepted, 5, 49); // the bound, plus what the writer had already taken out to retry
        Assert.True(File.Exists(journal));

        // The next start, with the database usable, stores every accepted event from the journal.
        Directory.Delete(DatabasePath);
        var items = await SqliteFeedbackStore.ReviewAsync(DatabasePath, new FeedbackReviewQuery([], 100), CancellationToken.None);
        Assert.Equal(accepted, items!.Count);
        Assert.False(File.Exists(journal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Questions_with_any_text_are_stored_alike_whichever_way_rows_are_acknowledged(bool survivePowerLoss)
    {
        // Quotes, newlines, emoji, non-Latin script and a lone surrogate (a JSON body can carry "\ud800").
        string[] questions = ["say \"hi\"\nthen \\ bye", "pores 🧼 毛穴", "broken \ud800 half"];
        using (var store = new SqliteFeedbackStore(DatabasePath, survivePowerLoss))
        {
            foreach (var question in questions)
            {
                await store.RecordAsync(Event(question, FeedbackKind.Declined, T0), CancellationToken.None);
            }
        }

        // SQLite keeps text as UTF-8, where a lone surrogate becomes U+FFFD; the journal must not change anything else.
        var items = await SqliteFeedbackStore.ReviewAsync(DatabasePath, new FeedbackReviewQuery([], 10), CancellationToken.None);
        Assert.Equal(questions.Select(q => q.Replace('\ud800', '\ufffd')).Order(), items!.Select(i => i.Question).Order());
    }

    [Theory]
    [InlineData("Can I exfoliate  every day?!", "can i exfoliate every day")]
    [InlineData("  DON'T   use hot water… ", "dont use hot water")]
    [InlineData("???", "")]
    public void Questions_are_normalised_for_grouping(string question, string expected) =>
        Assert.Equal(expected, QuestionNormalizer.Normalize(question));

    // Another process drops the table under the store's open connection.
    private async Task DropFeedbackTableAsync()
    {
        await using var other = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await other.OpenAsync();
        await using var drop = other.CreateCommand();
        drop.CommandText = "DROP TABLE feedback;";
        await drop.ExecuteNonQueryAsync();
    }

    private static FeedbackEvent Event(string question, FeedbackKind kind, DateTimeOffset time, string? entry = null) =>
        new(time, "emulator", "conversation-1", question, entry, 0.5f, kind);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
