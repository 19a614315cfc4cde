using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using FaqBot.Bot.Feedback;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace FaqBot.Bot.Tests.Faults;

/// <summary>
/// Kills a process mid-write (SIGKILL, no shutdown hooks) and checks the feedback database: every row the process was
/// told was recorded is there, and SQLite's integrity check passes.
/// </summary>
public sealed class FeedbackStoreKillTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-kill-").FullName;

    [Fact]
    public async Task Every_acknowledged_feedback_row_survives_a_kill_mid_write_and_the_database_stays_intact()
    {
        var database = Path.Combine(_folder, "feedback.db");
        var acknowledged = new ConcurrentBag<int>();
        var enough = new TaskCompletionSource();
        using var writer = StartWriter(database);
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

        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check;"));
        var stored = new HashSet<int>();
        await using (var query = connection.CreateCommand())
        {
            query.CommandText = "SELECT question FROM feedback WHERE channel = 'killtest';";
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stored.Add(int.Parse(reader.GetString(0)["kill test question ".Length..], CultureInfo.InvariantCulture));
            }
        }

        output.WriteLine($"acknowledged {acks.Count} rows before SIGKILL; {stored.Count} rows in the file (the rest were in flight); integrity_check ok");
        Assert.True(acks.Count >= 300);
        Assert.Empty(acks.Except(stored));

        // And the store carries on writing to the same file.
        using var store = new SqliteFeedbackStore(database);
        await store.RecordAsync(new FeedbackEvent(DateTimeOffset.UtcNow, "killtest", "after", "after the kill", null, null, FeedbackKind.Helpful), CancellationToken.None);
        Assert.Equal((long)stored.Count + 1, await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM feedback WHERE channel = 'killtest';"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static Process StartWriter(string database)
    {
        // The helper is built beside this test assembly's configuration (Debug/Release) by the project reference.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var helper = Path.Combine(RepositoryRoot.Path, "tests", "FaqBot.Bot.FeedbackWriter", "bin", configuration, "net10.0", "FaqBot.Bot.FeedbackWriter.dll");
        Assert.True(File.Exists(helper), $"{helper} is missing; build tests/FaqBot.Bot.Tests (it references the helper).");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(helper);
        start.ArgumentList.Add(database);
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
