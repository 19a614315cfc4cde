using Microsoft.Data.Sqlite;
using Microsoft.Win32.SafeHandles;

namespace FaqBot.Bot.Feedback;

/// <summary>
/// Stores the rows of journals whose process died (<see cref="FeedbackJournal"/>) and deletes the journals. A journal
/// some process still holds is left alone; the database's progress row per journal means a replay interrupted after
/// its commit stores nothing twice when it runs again.
/// </summary>
internal static class FeedbackJournalReplay
{
    // A journal still under its creating name this long is the leftover of a process killed while creating it.
    private static readonly TimeSpan CreatingGrace = TimeSpan.FromMinutes(1);

    /// <summary>What a replay stored.</summary>
    /// <param name="Journals">Journals of dead processes replayed and deleted.</param>
    /// <param name="Rows">Rows stored from them.</param>
    /// <param name="DamagedLines">Lines that were not whole rows (a write torn by a power cut) and were skipped.</param>
    public readonly record struct Result(int Journals, int Rows, int DamagedLines);

    /// <summary>True when a journal other than a live store's may be waiting beside <paramref name="databasePath"/>.</summary>
    public static bool MayHaveWork(string databasePath) => Candidates(databasePath).Any();

    /// <summary>Replays every journal beside <paramref name="databasePath"/> nobody holds, except <paramref name="ownJournal"/>.</summary>
    public static Result Replay(SqliteConnection connection, string databasePath, string? ownJournal)
    {
        var result = default(Result);
        foreach (var path in Candidates(databasePath))
        {
            var name = Path.GetFileName(path);
            if (name == ownJournal)
            {
                continue;
            }

            if (name.EndsWith(FeedbackJournal.CreatingSuffix, StringComparison.Ordinal))
            {
                DeleteIfAbandoned(path);
                continue;
            }

            SafeFileHandle file;
            try
            {
                file = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, ExclusiveShare);
            }
            catch (IOException)
            {
                // Locked: its process is alive and stores the rows itself. Or gone: another replay took it.
                continue;
            }

            bool deleted;
            using (file)
            {
                var (rows, damaged) = ReplayOne(connection, name, file);
                result = new Result(result.Journals + 1, result.Rows + rows, result.DamagedLines + damaged);
                deleted = TryDelete(path);
            }

            // A journal that stays (not deletable) keeps its progress row, so the next replay stores nothing twice.
            if (deleted)
            {
                FeedbackTable.ForgetJournal(connection, name);
            }
        }

        // Progress rows whose journal is gone: a process stopped between deleting its journal and forgetting it.
        var folder = Path.GetDirectoryName(databasePath)!;
        foreach (var journal in FeedbackTable.KnownJournals(connection))
        {
            if (journal != ownJournal && !File.Exists(Path.Combine(folder, journal)))
            {
                FeedbackTable.ForgetJournal(connection, journal);
            }
        }

        return result;
    }

    private static (int Rows, int Damaged) ReplayOne(SqliteConnection connection, string name, SafeFileHandle file)
    {
        var content = new byte[RandomAccess.GetLength(file)];
        var read = 0;
        while (read < content.Length)
        {
            var n = RandomAccess.Read(file, content.AsSpan(read), read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        using var transaction = connection.BeginTransaction();
        var committed = FeedbackTable.CommittedSequence(connection, transaction, name);
        using var insert = FeedbackTable.CreateInsert(connection);
        insert.Transaction = transaction;
        var rows = 0;
        var damaged = 0;
        var last = committed;
        var rest = content.AsSpan(0, read);
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)'\n');

            // The last line without its newline is a write cut short: the row was never acknowledged.
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (end < 0 || !StoredFeedbackRow.TryParse(line, out var sequence, out var row))
            {
                damaged += line.IsEmpty ? 0 : 1;
                continue;
            }

            if (sequence > committed)
            {
                FeedbackTable.Bind(insert, row!);
                insert.ExecuteNonQuery();
                rows++;
                last = Math.Max(last, sequence);
            }
        }

        if (last > committed)
        {
            using var progress = FeedbackTable.CreateProgressUpsert(connection, name);
            progress.Transaction = transaction;
            progress.Parameters["$sequence"].Value = last;
            progress.ExecuteNonQuery();
        }

        transaction.Commit();
        return (rows, damaged);
    }

    // Exclusive against the journal's owner and other replays: on Unix FileShare.None takes an exclusive flock; on
    // Windows the owner's handle already refuses any other writer, and FileShare.Delete lets this one delete the file.
    private static FileShare ExclusiveShare => OperatingSystem.IsWindows() ? FileShare.Delete : FileShare.None;

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void DeleteIfAbandoned(string path)
    {
        try
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(path) < CreatingGrace)
            {
                return;
            }

            using (File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, ExclusiveShare))
            {
                TryDelete(path);
            }
        }
        catch (IOException)
        {
        }
    }

    private static IEnumerable<string> Candidates(string databasePath)
    {
        var folder = Path.GetDirectoryName(databasePath)!;
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, Path.GetFileName(databasePath) + FeedbackJournal.Infix + "*")
            : [];
    }
}
