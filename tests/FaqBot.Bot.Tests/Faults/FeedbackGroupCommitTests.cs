using FaqBot.Bot.Feedback;
using Microsoft.Data.Sqlite;

namespace FaqBot.Bot.Tests.Faults;

/// <summary>
/// Concurrent feedback events share transactions (group commit), more of them under a commit interval. Surviving power
/// loss, each call returns only once its row is committed; by default it returns once the row is in the journal, without
/// waiting for the commit.
/// </summary>
public sealed class FeedbackGroupCommitTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-group-commit-").FullName;

    [Fact]
    public async Task Surviving_power_loss_a_thousand_concurrent_events_are_all_stored_and_each_is_readable_once_its_call_returns()
    {
        var database = Path.Combine(_folder, "feedback.db");
        using var store = new SqliteFeedbackStore(database, survivePowerLoss: true);
        var missing = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, 1_000), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
        {
            var question = $"group commit {i}";
            await store.RecordAsync(new FeedbackEvent(DateTimeOffset.UtcNow, "test", $"c{i % 10}", question, null, null, FeedbackKind.Declined), ct);

            // Acknowledged means committed: another connection sees the row at once.
            if (await CountAsync(database, "SELECT COUNT(*) FROM feedback WHERE question = $q;", question) != 1)
            {
                Interlocked.Increment(ref missing);
            }
        });

        Assert.Equal(0, missing);
        Assert.Equal(1_000, await CountAsync(database, "SELECT COUNT(*) FROM feedback;", null));
    }

    [Fact]
    public async Task Surviving_power_loss_under_a_commit_interval_events_that_arrive_together_share_a_commit_and_each_returns_once_stored()
    {
        var database = Path.Combine(_folder, "feedback.db");
        using var store = new SqliteFeedbackStore(database, survivePowerLoss: true, commitInterval: TimeSpan.FromMilliseconds(500));
        await store.RecordAsync(Declined("first"), CancellationToken.None);

        // These arrive within the interval after the first commit, so they wait for the next one, together.
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => store.RecordAsync(Declined($"together {i}"), CancellationToken.None))));

        Assert.Equal(51, await CountAsync(database, "SELECT COUNT(*) FROM feedback;", null));
        Assert.InRange(store.Commits, 2, 3); // 3 only if a slow machine let the interval pass while the 50 were queued
    }

    [Fact]
    public async Task An_event_after_a_quiet_spell_is_committed_at_once_whatever_the_interval()
    {
        var database = Path.Combine(_folder, "feedback.db");
        using var store = new SqliteFeedbackStore(database, survivePowerLoss: true, commitInterval: TimeSpan.FromMinutes(10));

        // Waiting for the interval would take ten minutes; the timeout only turns that into a failure.
        await store.RecordAsync(Declined("alone"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, await CountAsync(database, "SELECT COUNT(*) FROM feedback WHERE question = $q;", "alone"));
    }

    [Fact]
    public async Task By_default_a_call_returns_once_its_row_is_journaled_without_waiting_out_the_interval_and_a_flush_commits_it()
    {
        var database = Path.Combine(_folder, "feedback.db");
        var store = new SqliteFeedbackStore(database, commitInterval: TimeSpan.FromMinutes(10));
        await store.RecordAsync(Declined("first"), CancellationToken.None);
        await store.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        // The writer now sits out a ten-minute interval; the call does not wait for it.
        var second = store.RecordAsync(Declined("second"), CancellationToken.None);

        Assert.True(second.IsCompletedSuccessfully);
        Assert.Equal(0, await CountAsync(database, "SELECT COUNT(*) FROM feedback WHERE question = $q;", "second"));
        Assert.Contains("\"question\":\"second\"", await File.ReadAllTextAsync(store.JournalPath!), StringComparison.Ordinal);

        // A flush cuts the interval short; shutting down then deletes the journal and its progress row.
        await store.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await CountAsync(database, "SELECT COUNT(*) FROM feedback WHERE question = $q;", "second"));
        var journal = store.JournalPath!;
        store.Dispose();
        Assert.False(File.Exists(journal));
        Assert.Equal(0, await CountAsync(database, "SELECT COUNT(*) FROM feedback_journal;", null));
    }

    [Fact]
    public async Task By_default_shutting_down_commits_what_waits_in_the_journal_without_waiting_out_the_interval()
    {
        var database = Path.Combine(_folder, "feedback.db");
        var store = new SqliteFeedbackStore(database, commitInterval: TimeSpan.FromMinutes(10));
        await store.RecordAsync(Declined("first"), CancellationToken.None);
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => store.RecordAsync(Declined($"later {i}"), CancellationToken.None)));

        // The timeout only turns waiting out the interval into a failure.
        await Task.Run(store.Dispose).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(51, await CountAsync(database, "SELECT COUNT(*) FROM feedback;", null));
        Assert.Empty(Directory.GetFiles(_folder, "feedback.db.pending-*"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static FeedbackEvent Declined(string question) =>
        new(DateTimeOffset.UtcNow, "test", "c1", question, null, null, FeedbackKind.Declined);

    private static async Task<long> CountAsync(string database, string sql, string? question)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (question is not null)
        {
            command.Parameters.AddWithValue("$q", question);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }
}
