using FaqBot.Bot.Feedback;
using Microsoft.Data.Sqlite;

namespace FaqBot.Bot.Tests.Feedback;

/// <summary>
/// A journal released without being deleted is what a killed bot leaves behind: the next store and <c>review</c> store
/// its rows once, and leave a live bot's journal alone.
/// </summary>
public sealed class FeedbackJournalReplayTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-journal-").FullName;

    private string DatabasePath => Path.Combine(_folder, "feedback.db");

    [Fact]
    public async Task Review_stores_a_dead_bots_journal_creating_the_database_and_deletes_the_journal()
    {
        var journal = DeadJournal("Can I use a toothbrush?", "can i use a TOOTHBRUSH", "Is steaming safe?");

        var items = await SqliteFeedbackStore.ReviewAsync(DatabasePath, new FeedbackReviewQuery([], 10), CancellationToken.None);

        Assert.Equal([("can i use a toothbrush", 2), ("is steaming safe", 1)], items!.Select(i => (i.NormalizedQuestion, i.Count)));
        Assert.Equal(T0, items![0].FirstSeen);
        Assert.False(File.Exists(journal));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM feedback_journal;"));
    }

    [Fact]
    public async Task A_new_store_stores_a_dead_bots_journal_before_its_own_first_event()
    {
        var journal = DeadJournal("from the dead bot");

        using (var store = new SqliteFeedbackStore(DatabasePath))
        {
            await store.RecordAsync(Event("from the new bot"), CancellationToken.None);
        }

        Assert.Equal(["from the dead bot", "from the new bot"], Questions());
        Assert.False(File.Exists(journal));
    }

    [Fact]
    public async Task Lines_the_database_already_holds_are_not_stored_twice()
    {
        var journal = DeadJournal("one", "two", "three");

        // As if the dead bot had committed its first two lines, then was killed before deleting its journal.
        using (var connection = FeedbackTable.OpenForWriting(DatabasePath, survivePowerLoss: false))
        {
            using var insert = FeedbackTable.CreateInsert(connection);
            foreach (var question in (string[])["one", "two"])
            {
                FeedbackTable.Bind(insert, StoredFeedbackRow.From(Event(question)));
                insert.ExecuteNonQuery();
            }

            using var progress = FeedbackTable.CreateProgressUpsert(connection, Path.GetFileName(journal));
            progress.Parameters["$sequence"].Value = 2L;
            progress.ExecuteNonQuery();
        }

        await SqliteFeedbackStore.ReviewAsync(DatabasePath, new FeedbackReviewQuery([], 10), CancellationToken.None);

        Assert.Equal(["one", "two", "three"], Questions());
    }

    [Fact]
    public async Task A_torn_last_line_and_a_damaged_line_are_skipped_and_the_other_rows_stored()
    {
        var journal = DeadJournal("before the damage");
        await File.AppendAllTextAsync(journal, "{\"seq\":2,\"time\":\"not json at all\n");
        using (var next = FeedbackJournal.Create(DatabasePath))
        {
            // Sequence numbers are per journal: a second dead journal with a whole row, and a write a power cut tore.
            next.Append(StoredFeedbackRow.From(Event("in the second journal")));
        }

        var second = Directory.GetFiles(_folder, "feedback.db.pending-*").Single(f => f != journal);
        await File.AppendAllTextAsync(second, "{\"seq\":2,\"time\":\"2026-03-01T09:00:00.000Z\",\"chan");

        await SqliteFeedbackStore.ReviewAsync(DatabasePath, new FeedbackReviewQuery([], 10), CancellationToken.None);

        Assert.Equal(["before the damage", "in the second journal"], Questions().Order());
        Assert.Empty(Directory.GetFiles(_folder, "feedback.db.pending-*"));
    }

    [Fact]
    public async Task A_live_bots_journal_is_left_to_it_and_its_rows_are_stored_once()
    {
        var store = new SqliteFeedbackStore(DatabasePath, commitInterval: TimeSpan.FromMinutes(10));
        await store.RecordAsync(Event("committed"), CancellationToken.None);
        await store.FlushAsync(CancellationToken.None);
        await store.RecordAsync(Event("journaled"), CancellationToken.None);

        var during = await SqliteFeedbackStore.ReviewAsync(DatabasePath, new FeedbackReviewQuery([], 10), CancellationToken.None);
        var journal = store.JournalPath!;
        var journalSurvivedReview = File.Exists(journal);
        store.Dispose();
        var after = await SqliteFeedbackStore.ReviewAsync(DatabasePath, new FeedbackReviewQuery([], 10), CancellationToken.None);

        Assert.Equal(["committed"], during!.Select(i => i.Question));
        Assert.True(journalSurvivedReview);
        Assert.Equal(["committed", "journaled"], after!.Select(i => i.Question).Order());
        Assert.All(after!, i => Assert.Equal(1, i.Count));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    // Journals rows and releases the file without deleting it: what a bot killed before committing them leaves.
    private string DeadJournal(params string[] questions)
    {
        using var journal = FeedbackJournal.Create(DatabasePath);
        foreach (var question in questions)
        {
            journal.Append(StoredFeedbackRow.From(Event(question)));
        }

        return journal.Path;
    }

    private static FeedbackEvent Event(string question) =>
        new(T0, "emulator", "conversation-1", question, null, 0.25f, FeedbackKind.Declined);

    private List<string> Questions()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT question FROM feedback ORDER BY id;";
        using var reader = command.ExecuteReader();
        var questions = new List<string>();
        while (reader.Read())
        {
            questions.Add(reader.GetString(0));
        }

        return questions;
    }

    private long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
