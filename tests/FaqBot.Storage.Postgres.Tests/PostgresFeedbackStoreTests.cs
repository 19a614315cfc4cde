using System.Text.Json;
using FaqBot.Bot.Feedback;
using Npgsql;

namespace FaqBot.Storage.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresFeedbackStoreTests(PostgresServer server) : FeedbackRetentionContract, IAsyncLifetime, IDisposable
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

    protected override IFeedbackStore CreateStore(FeedbackRetention retention) => new PostgresFeedbackStore(_dataSource, retention);

    protected override Task<IReadOnlyList<FeedbackReviewItem>> ReviewAllAsync() =>
        new PostgresFeedbackStore(_dataSource).ReviewAsync(new FeedbackReviewQuery([], 100), CancellationToken.None);

    protected override async Task<long> RowCountAsync()
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
