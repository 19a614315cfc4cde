using System.Text.Json;
using FaqBot.Bot.Feedback;
using Npgsql;

namespace FaqBot.Storage.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresFeedbackStoreTests(PostgresServer server) : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-pg-feedback-").FullName;
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        await PostgresSchema.MigrateAsync(_dataSource, CancellationToken.None);
    }

    public static TheoryData<FeedbackKind[], int> Queries => new()
    {
        { [], 10 },
        { [FeedbackKind.Helpful, FeedbackKind.Unhelpful], 10 },
        { [], 1 },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Review_gives_what_it_gives_on_SQLite_for_the_same_events(FeedbackKind[] kinds, int top)
    {
        var sqlitePath = Path.Combine(_folder, $"feedback-{kinds.Length}-{top}.db");
        var postgres = new PostgresFeedbackStore(_dataSource);
        using (var sqlite = new SqliteFeedbackStore(sqlitePath))
        {
            foreach (var feedbackEvent in Events())
            {
                await sqlite.RecordAsync(feedbackEvent, CancellationToken.None);
                await postgres.RecordAsync(feedbackEvent, CancellationToken.None);
            }
        }

        var query = new FeedbackReviewQuery(kinds, top);
        var fromSqlite = await SqliteFeedbackStore.ReviewAsync(sqlitePath, query, CancellationToken.None);
        var fromPostgres = await postgres.ReviewAsync(query, CancellationToken.None);

        Assert.NotEmpty(fromPostgres);
        Assert.Equal(JsonSerializer.Serialize(fromSqlite), JsonSerializer.Serialize(fromPostgres));
        await using var clear = _dataSource.CreateCommand("DELETE FROM feedback;");
        await clear.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Events_from_two_replicas_at_once_all_land()
    {
        // Two replicas whose pools together stay under the test server's max_connections (200), as a deployment's must.
        var pooled = new NpgsqlConnectionStringBuilder(_dataSource.ConnectionString) { MaxPoolSize = 50 }.ConnectionString;
        await using var one = NpgsqlDataSource.Create(pooled);
        await using var other = NpgsqlDataSource.Create(pooled);
        var replicas = new[] { new PostgresFeedbackStore(one), new PostgresFeedbackStore(other) };
        var question = "race " + Guid.NewGuid().ToString("n");

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            replicas[i % 2].RecordAsync(new FeedbackEvent(T0, "directline", $"c{i}", question, null, null, FeedbackKind.Declined), CancellationToken.None)));

        var items = await replicas[0].ReviewAsync(new FeedbackReviewQuery([FeedbackKind.Declined], 100), CancellationToken.None);
        Assert.Equal(200, Assert.Single(items, item => item.Question == question).Count);
    }

    [Fact]
    public async Task A_NUL_character_is_kept_out_of_the_row()
    {
        var store = new PostgresFeedbackStore(_dataSource);
        var id = Guid.NewGuid().ToString("n");

        await store.RecordAsync(new FeedbackEvent(T0, "directline", "c\0", "nul \0inside " + id, null, null, FeedbackKind.Declined), CancellationToken.None);

        var items = await store.ReviewAsync(new FeedbackReviewQuery([FeedbackKind.Declined], 100), CancellationToken.None);
        Assert.Contains(items, item => item.Question == "nul inside " + id);
    }

    [Fact]
    public async Task Questions_are_stored_without_terminal_escape_sequences_or_bidi_overrides()
    {
        var store = new PostgresFeedbackStore(_dataSource);
        var id = Guid.NewGuid().ToString("n");

        await store.RecordAsync(
            new FeedbackEvent(T0, "directline", "c1", $"\u001b]0;owned\u0007is \u001b[31msteaming\u001b[0m safe {id}?\u202e", null, null, FeedbackKind.Declined),
            CancellationToken.None);

        var items = await store.ReviewAsync(new FeedbackReviewQuery([FeedbackKind.Declined], 100), CancellationToken.None);
        Assert.Contains(items, item => item.Question == $"is steaming safe {id}?");
    }

    [Fact]
    public async Task A_conversation_stores_at_most_its_rate_per_minute_and_others_are_not_held_back()
    {
        var store = new PostgresFeedbackStore(_dataSource, new FeedbackRetention { MaxPerConversationPerMinute = 10 });

        var flood = new List<FeedbackRecorded>();
        for (var i = 0; i < 25; i++)
        {
            flood.Add(await store.RecordAsync(Event($"flood {i}", FeedbackKind.Declined, T0.AddSeconds(i)), CancellationToken.None));
        }

        Assert.Equal([.. Enumerable.Repeat(FeedbackRecorded.Stored, 10), .. Enumerable.Repeat(FeedbackRecorded.RateLimited, 15)], flood);
        Assert.Equal(FeedbackRecorded.Stored, await store.RecordAsync(Event("someone else", FeedbackKind.Declined, T0.AddSeconds(30), conversation: "c2"), CancellationToken.None));
        Assert.Equal(FeedbackRecorded.Stored, await store.RecordAsync(Event("a minute later", FeedbackKind.Declined, T0.AddSeconds(70)), CancellationToken.None));
        Assert.Equal(12, await RowCountAsync());
    }

    [Fact]
    public async Task The_same_question_repeated_in_a_conversation_is_stored_once_within_the_repeat_window()
    {
        var store = new PostgresFeedbackStore(_dataSource, new FeedbackRetention { RepeatWindow = TimeSpan.FromHours(1) });

        var results = new List<FeedbackRecorded>();
        foreach (var (question, minutes) in new[] { ("Is steaming safe?", 0), ("is STEAMING safe", 1), ("Is steaming safe??", 59) })
        {
            results.Add(await store.RecordAsync(Event(question, FeedbackKind.Unhelpful, T0.AddMinutes(minutes), "e2"), CancellationToken.None));
        }

        Assert.Equal([FeedbackRecorded.Stored, FeedbackRecorded.Repeat, FeedbackRecorded.Repeat], results);

        // Another kind, another entry, another conversation or after the window: stored.
        Assert.Equal(FeedbackRecorded.Stored, await store.RecordAsync(Event("Is steaming safe?", FeedbackKind.Declined, T0.AddMinutes(2), "e2"), CancellationToken.None));
        Assert.Equal(FeedbackRecorded.Stored, await store.RecordAsync(Event("Is steaming safe?", FeedbackKind.Unhelpful, T0.AddMinutes(3), "e9"), CancellationToken.None));
        Assert.Equal(FeedbackRecorded.Stored, await store.RecordAsync(Event("Is steaming safe?", FeedbackKind.Unhelpful, T0.AddMinutes(4), "e2", "c2"), CancellationToken.None));
        Assert.Equal(FeedbackRecorded.Stored, await store.RecordAsync(Event("Is steaming safe?", FeedbackKind.Unhelpful, T0.AddMinutes(61), "e2"), CancellationToken.None));
        Assert.Equal(5, await RowCountAsync());
    }

    [Fact]
    public async Task Retention_keeps_the_newest_rows_up_to_the_cap_and_drops_rows_past_the_age()
    {
        var store = new PostgresFeedbackStore(_dataSource, new FeedbackRetention { MaxRows = 5, MaxAge = TimeSpan.FromDays(30) });
        for (var i = 0; i < 40; i++)
        {
            await store.RecordAsync(Event($"question {i}", FeedbackKind.Declined, T0.AddSeconds(i), conversation: $"c{i}"), CancellationToken.None);
        }

        var items = await store.ReviewAsync(new FeedbackReviewQuery([], 100), CancellationToken.None);
        Assert.Equal(["question 35", "question 36", "question 37", "question 38", "question 39"], items.Select(i => i.Question).Order());

        await store.RecordAsync(Event("a month on", FeedbackKind.Declined, T0.AddDays(31)), CancellationToken.None);
        items = await store.ReviewAsync(new FeedbackReviewQuery([], 100), CancellationToken.None);
        Assert.Equal("a month on", Assert.Single(items).Question);
    }

    private static FeedbackEvent Event(string question, FeedbackKind kind, DateTimeOffset time, string? entry = null, string conversation = "c1") =>
        new(time, "directline", conversation, question, entry, 0.5f, kind);

    private async Task<long> RowCountAsync()
    {
        await using var count = _dataSource.CreateCommand("SELECT count(*) FROM feedback;");
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static IEnumerable<FeedbackEvent> Events()
    {
        FeedbackEvent Event(string question, FeedbackKind kind, int minutes, string? entry = null, string conversation = "conversation-1") =>
            new(T0.AddMinutes(minutes), "emulator", conversation, question, entry, 0.5f, kind);

        yield return Event("Can I use a toothbrush?", FeedbackKind.Declined, 0);
        yield return Event("can i use a TOOTHBRUSH", FeedbackKind.NoneOfThese, 5, "e1");
        yield return Event("Can I use a toothbrush??", FeedbackKind.Declined, 9, "e0");
        yield return Event("Is steaming safe?", FeedbackKind.Unhelpful, 1, "e2");
        yield return Event("Is steaming safe?", FeedbackKind.Unhelpful, 2, "e2", "conversation-2");
        yield return Event("Is steaming safe?", FeedbackKind.Unhelpful, 3, "e2", "conversation-2");
        yield return Event("Say \"hi\"\nthen 🧼 毛穴", FeedbackKind.Declined, 3);
        yield return Event("How often?", FeedbackKind.Helpful, 4, "e3");
        yield return Event("How often", FeedbackKind.Unhelpful, 4, "e4");
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
