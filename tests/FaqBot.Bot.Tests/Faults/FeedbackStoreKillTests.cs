using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using FaqBot.Bot.Feedback;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace FaqBot.Bot.Tests.Faults;

/// <summary>
/// Kills a process mid-write (SIGKILL, no shutdown hooks) and checks the feedback database once the next reader has
/// stored what the dead process's journal held: every row the process was told was recorded is there exactly once, and
/// SQLite's integrity check passes. Run for both ways of acknowledging a row: the journal (the default) and the fsynced
/// commit.
/// </summary>
public sealed class FeedbackStoreKillTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-kill-").FullName;

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)] // no journal without file locks: rows are acknowledged after their commit
    public async Task Every_acknowledged_feedback_row_survives_a_kill_mid_write_once_and_the_database_stays_intact(
        bool survivePowerLoss, bool fileLockingOff)
    {
        var database = Path.Combine(_folder, "feedback.db");
        var acknowledged = new ConcurrentBag<int>();
        var enough = new TaskCompletionSource();
        using var writer = StartWriter(database, survivePowerLoss, fileLockingOff);
        writer.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.StartsWith("ack ", StringComparison.Ordinal))
            {
                acknowledged.Add(int.Parse(line[4..], CultureInfo.InvariantCulture));
                if (acknowledged.Count >= 300)
                {
                    enough.TrySetResult();
                }
            }
        };
        writer.BeginOutputReadLine();

        // The timeout only turns a hang (or a writer that died at start) into a failure.
        await enough.Task.WaitAsync(TimeSpan.FromMinutes(2));
        writer.Kill();
        await writer.WaitForExitAsync();
        var acks = acknowledged.ToHashSet();
        var journals = Directory.GetFiles(_folder, "feedback.db.pending-*");
        Assert.Equal(survivePowerLoss || fileLockingOff ? 0 : 1, journals.Length);

        // What review does first: store the dead process's journal, then delete it.
        var review = await SqliteFeedbackStore.ReviewAsync(database, new FeedbackReviewQuery([], 1), CancellationToken.None);
        Assert.NotNull(review);
        Assert.Empty(Directory.GetFiles(_folder, "feedback.db.pending-*"));

        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check;"));
        var stored = new List<int>();
        await using (var query = connection.CreateCommand())
        {
            query.CommandText = "SELECT question FROM feedback WHERE channel = 'killtest';";
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stored.Add(int.Parse(reader.GetString(0)["kill test question ".Length..], CultureInfo.InvariantCulture));
            }
        }

        output.WriteLine($"acknowledged {acks.Count} rows before SIGKILL; {stored.Count} rows stored (the rest were in flight); " +
            $"{journals.Length} journal replayed; integrity_check ok");
        Assert.True(acks.Count >= 300);
        Assert.Empty(acks.Except(stored));
        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM feedback_journal;"));

        // And a store carries on writing to the same file.
        using var store = new SqliteFeedbackStore(database, survivePowerLoss);
        await store.RecordAsync(new FeedbackEvent(DateTimeOffset.UtcNow, "killtest", "after", "after the kill", null, null, FeedbackKind.Helpful), CancellationToken.None);
        await store.FlushAsync(CancellationToken.None);
        Assert.Equal((long)stored.Count + 1, await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM feedback WHERE channel = 'killtest';"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static Process StartWriter(string database, bool survivePowerLoss, bool fileLockingOff)
    {
        // The helper is built beside this test assembly's configuration (Debug/Release) by the project reference.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var helper = Path.Combine(RepositoryRoot.Path, "tests", "FaqBot.Bot.FeedbackWriter", "bin", configuration, "net10.0", "FaqBot.Bot.FeedbackWriter.dll");
        Assert.True(File.Exists(helper), $"{helper} is missing; build tests/FaqBot.Bot.Tests (it references the helper).");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (fileLockingOff)
        {
            start.Environment["DOTNET_SYSTEM_IO_DISABLEFILELOCKING"] = "1";
        }

        start.ArgumentList.Add(helper);
        start.ArgumentList.Add(database);
        start.ArgumentList.Add("4");
        if (survivePowerLoss)
        {
            start.ArgumentList.Add("--survive-power-loss");
        }
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql) =>
        (await ScalarAsync<object>(connection, sql))?.ToString();

    private static async Task<T?> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T?)await command.ExecuteScalarAsync();
    }
}
