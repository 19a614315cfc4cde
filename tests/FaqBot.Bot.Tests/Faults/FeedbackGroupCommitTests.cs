using FaqBot.Bot.Feedback;
using Microsoft.Data.Sqlite;

namespace FaqBot.Bot.Tests.Faults;

/// <summary>Concurrent feedback events share transactions (group commit) yet each call returns only once its row is stored.</summary>
public sealed class FeedbackGroupCommitTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-group-commit-").FullName;

    [Fact]
    public async Task A_thousand_concurrent_events_are_all_stored_and_each_is_readable_once_its_call_returns()
    {
        var database = Path.Combine(_folder, "feedback.db");
        using var store = new SqliteFeedbackStore(database);
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

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

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
