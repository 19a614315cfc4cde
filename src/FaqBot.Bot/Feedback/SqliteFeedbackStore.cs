using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaqBot.Bot.Feedback;

/// <summary>
/// Feedback events in a SQLite database (one row per event), written in WAL mode so the <c>review</c> command can read
/// while the bot writes. Safe under concurrent turns: one writer thread owns the connection in-process, and SQLite's
/// own locking (with Microsoft.Data.Sqlite retrying on SQLITE_BUSY) covers a second process writing the same file.
/// By default an event is acknowledged once it is a line in this process's journal (<see cref="FeedbackJournal"/>) and
/// committed shortly after; with <c>survivePowerLoss</c> it is acknowledged only once its fsynced commit is done.
/// </summary>
public sealed class SqliteFeedbackStore : IFeedbackStore, IDisposable
{
    // One transaction holds at most this many events; a longer queue is committed in several.
    private const int MaxBatch = 512;

    // A commit that fails while rows wait in the journal is retried after this, doubling up to MaxRetryDelay; at
    // shutdown it is tried this many times more, then the journal is left for the next start to replay.
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);
    private const int AttemptsAtShutdown = 3;

    // Events acknowledged from the journal but not yet committed are also held in memory for the writer. While the
    // database refuses commits they pile up; past this many, new events are refused rather than let memory grow.
    private const int DefaultMaxWaiting = 100_000;

    private readonly bool _survivePowerLoss;
    private readonly TimeSpan _commitInterval;
    private readonly ILogger _logger;
    private readonly BlockingCollection<PendingEvent> _queue = new();
    private readonly ManualResetEventSlim _hurry = new();
    private readonly Lock _startGate = new();
    private Thread? _writer;
    private FeedbackJournal? _journal;
    private bool _disposed;
    private int _flushRequests;

    // Owned by the writer thread alone once it runs.
    private SqliteConnection? _connection;
    private SqliteCommand? _insert;
    private SqliteCommand? _progress;
    private long _commits;

    /// <summary>
    /// Creates a store over <paramref name="databasePath"/>; the file and its folder are created on first write. With
    /// <paramref name="survivePowerLoss"/> an event is acknowledged once its fsynced commit is done; without it, once it
    /// is in this process's journal, which survives the process being killed (see
    /// <see cref="BotOptions.FeedbackSurvivesPowerLoss"/>). Commits start at most once per <paramref name="commitInterval"/>
    /// (see <see cref="BotOptions.FeedbackCommitInterval"/>); zero commits as soon as the previous commit is done.
    /// </summary>
    public SqliteFeedbackStore(
        string databasePath, bool survivePowerLoss = false, TimeSpan commitInterval = default, ILogger<SqliteFeedbackStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentOutOfRangeException.ThrowIfLessThan(commitInterval, TimeSpan.Zero);
        DatabasePath = Path.GetFullPath(databasePath);
        _survivePowerLoss = survivePowerLoss;
        _commitInterval = commitInterval;
        _logger = logger ?? NullLogger<SqliteFeedbackStore>.Instance;
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <summary>Transactions committed so far (each carries one or more events).</summary>
    internal long Commits => Interlocked.Read(ref _commits);

    /// <summary>How many journaled events may wait for a commit before new ones are refused.</summary>
    internal int MaxWaiting { get; init; } = DefaultMaxWaiting;

    /// <summary>This process's journal file while it has one (null with <c>survivePowerLoss</c>).</summary>
    internal string? JournalPath => Volatile.Read(ref _journal)?.Path;

    /// <inheritdoc />
    /// <remarks>
    /// Group commit on a dedicated thread: events queue, and the writer commits everything queued in one transaction
    /// (one fsync when every commit is fsynced), so under load a commit carries many events and no thread-pool thread
    /// ever blocks on the disk. By default the event is first appended to the journal, one <c>write()</c> on the
    /// caller's thread, and the task is complete when that returns: a turn never waits for a commit, and a process killed
    /// before the commit leaves the row in its journal for the next start to store. With <c>survivePowerLoss</c> the
    /// task completes once the event's fsynced commit is done. Cancelling stops the wait, not the write: the event may
    /// still be stored.
    /// </remarks>
    public Task RecordAsync(FeedbackEvent feedbackEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedbackEvent);
        cancellationToken.ThrowIfCancellationRequested();
        var row = StoredFeedbackRow.From(feedbackEvent);
        var journal = Start();
        if (journal is null)
        {
            var pending = new PendingEvent(row, 0, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            Enqueue(pending);
            return pending.Done!.Task.WaitAsync(cancellationToken);
        }

        if (_queue.Count >= MaxWaiting)
        {
            throw new InvalidOperationException(
                $"{_queue.Count} feedback events are waiting for the database '{DatabasePath}' to accept a commit; this one was not stored. The log says why the commits fail.");
        }

        long sequence;
        try
        {
            sequence = journal.Append(row);
        }
        catch (ObjectDisposedException)
        {
            throw ShutDown();
        }

        try
        {
            _queue.Add(new PendingEvent(row, sequence, null), CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Shut down between the append and here: the line is in the journal, which the writer now leaves in place
            // because the database lacks it, and the next start stores it. Acknowledged is still true.
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Completes once every event recorded before the call is committed to the database, so a reader of the file sees
    /// it; skips the commit interval's wait. Events acknowledged from the journal are otherwise committed within
    /// about one interval.
    /// </summary>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        var marker = new PendingEvent(null, 0, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_startGate)
        {
            if (_writer is null || _disposed)
            {
                // Nothing was ever recorded, or the store is shut down and its writer has committed what it could.
                return Task.CompletedTask;
            }
        }

        Enqueue(marker);
        Interlocked.Increment(ref _flushRequests);
        _hurry.Set();
        return marker.Done!.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Commits every event already queued, deletes this process's journal once the database holds all of it, then closes
    /// the database. Safe to call more than once.
    /// </summary>
    public void Dispose()
    {
        Thread? writer;
        lock (_startGate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _queue.CompleteAdding();
            _hurry.Set();
            writer = _writer;
        }

        writer?.Join();
        _queue.Dispose();
    }

    private static ObjectDisposedException ShutDown() =>
        new(nameof(SqliteFeedbackStore), "The feedback store is shut down; the event was not stored.");

    private void Enqueue(PendingEvent pending)
    {
        try
        {
            _queue.Add(pending, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            throw ShutDown();
        }
    }

    // Starts the writer (and creates the journal) on the first event; returns the journal, or null with survivePowerLoss.
    private FeedbackJournal? Start()
    {
        if (Volatile.Read(ref _writer) is not null)
        {
            return _journal;
        }

        lock (_startGate)
        {
            if (_disposed)
            {
                throw ShutDown();
            }

            if (_writer is null)
            {
                _journal = _survivePowerLoss ? null : CreateJournal();

                // A background thread: it never keeps the process alive, and a kill loses only events not yet acknowledged.
                var writer = new Thread(WriteLoop) { IsBackground = true, Name = "FaqBot feedback writer" };
                writer.Start();
                Volatile.Write(ref _writer, writer);
            }

            return _journal;
        }
    }

    // Without working file locks a replay could take this live journal and store its rows twice, so the store then
    // acknowledges each event after its commit, as with survivePowerLoss (without the fsync).
    private FeedbackJournal? CreateJournal()
    {
        var journal = FeedbackJournal.Create(DatabasePath);
        if (journal.IsHeldExclusively())
        {
            return journal;
        }

        journal.Delete(); // nothing was written to it, so there is nothing to keep if this fails
        _logger.LogWarning(
            "File locking is off here (DOTNET_SYSTEM_IO_DISABLEFILELOCKING or the file system), so feedback beside {Database} is acknowledged after each commit instead of from a journal; turns that record feedback wait for it.",
            DatabasePath);
        return null;
    }

    // Each commit costs the same dozen-odd system calls (WAL locks, page frames) whatever it carries, so under load the
    // writer starts a commit at most once per interval and the events that arrived meanwhile share it. An event that
    // arrives after a quiet spell is committed at once: the wait only ever applies while commits are frequent.
    private void WriteLoop()
    {
        var batch = new List<PendingEvent>(MaxBatch);
        var lastCommit = long.MinValue;
        var gaveUp = false;
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            if (lastCommit != long.MinValue && _commitInterval > TimeSpan.Zero)
            {
                WaitOut(_commitInterval - Stopwatch.GetElapsedTime(lastCommit));
            }

            batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var next))
            {
                batch.Add(next);
            }

            lastCommit = Stopwatch.GetTimestamp();
            gaveUp = !CommitWithRetries(batch);
            var markers = batch.Count(p => p.Row is null);
            if (markers > 0)
            {
                Interlocked.Add(ref _flushRequests, -markers);
            }

            batch.Clear();
            if (gaveUp)
            {
                break;
            }
        }

        // Given up at shutdown: what is still queued stays in the journal for the next start; nobody waits for it.
        while (gaveUp && _queue.TryTake(out var rest))
        {
            rest.Done?.TrySetException(ShutDown());
        }

        FinishJournal(gaveUp);
        CloseConnection();
    }

    // Sleeps out the rest of the commit interval unless a flush or the shutdown asks for the commit now.
    private void WaitOut(TimeSpan wait)
    {
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        // Reset before looking, so a request made after the look still wakes the wait.
        _hurry.Reset();
        if (Volatile.Read(ref _flushRequests) > 0 || _queue.IsAddingCompleted)
        {
            return;
        }

        _hurry.Wait(wait);
    }

    // Commits one batch. Without a journal a failure goes to every waiter in the batch, so each caller sees its own
    // event's outcome. With one, the events are already acknowledged and safe in the journal, so the commit is retried
    // until it succeeds (at shutdown a few times, then the journal is left for the next start): false means given up.
    private bool CommitWithRetries(List<PendingEvent> batch)
    {
        var delay = FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Commit(batch);
                foreach (var pending in batch)
                {
                    pending.Done?.TrySetResult();
                }

                return true;
            }
            catch (Exception ex)
            {
                CloseConnection();
                if (_journal is null)
                {
                    foreach (var pending in batch)
                    {
                        pending.Done?.TrySetException(ex);
                    }

                    return true;
                }

                var stopping = _queue.IsAddingCompleted;
                if (stopping && attempt >= AttemptsAtShutdown)
                {
                    _logger.LogError(ex, "Could not commit feedback to {Database} at shutdown; the rows stay in {Journal} and are stored at the next start.",
                        DatabasePath, _journal.Path);
                    foreach (var pending in batch)
                    {
                        pending.Done?.TrySetException(ex);
                    }

                    return false;
                }

                _logger.LogWarning(ex, "Could not commit feedback to {Database} (attempt {Attempt}); the rows are safe in {Journal}, retrying in {Delay}.",
                    DatabasePath, attempt, _journal.Path, delay);
                Thread.Sleep(stopping ? FirstRetryDelay : delay);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    private void Commit(List<PendingEvent> batch)
    {
        // A batch of flush markers alone has nothing to write: everything before them is already committed.
        if (!batch.Exists(p => p.Row is not null))
        {
            return;
        }

        var insert = PreparedInsert();
        var last = 0L;
        using (var transaction = _connection!.BeginTransaction())
        {
            insert.Transaction = transaction;
            foreach (var pending in batch)
            {
                if (pending.Row is { } row)
                {
                    FeedbackTable.Bind(insert, row);
                    insert.ExecuteNonQuery();
                    last = Math.Max(last, pending.Sequence);
                }
            }

            // The journal's progress commits with its rows: a replay after a kill skips exactly what is here.
            if (_progress is not null && last > 0)
            {
                _progress.Transaction = transaction;
                _progress.Parameters["$sequence"].Value = last;
                _progress.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        Interlocked.Increment(ref _commits);
        _journal?.MarkCommitted(last);
    }

    // At shutdown: the journal is deleted (then its progress row) only when the database holds every line of it.
    private void FinishJournal(bool gaveUp)
    {
        if (_journal is not { } journal)
        {
            return;
        }

        if (gaveUp || !journal.IsCaughtUp)
        {
            journal.Dispose();
            return;
        }

        if (!journal.Delete())
        {
            // Its progress row stays, so the next start's replay skips what the database already holds.
            _logger.LogWarning("Could not delete the feedback journal {Journal}; the next start removes it.", journal.Path);
            return;
        }

        try
        {
            if (_connection is not null)
            {
                FeedbackTable.ForgetJournal(_connection, journal.Name);
            }
        }
        catch (SqliteException ex)
        {
            // Harmless: the next replay forgets progress rows whose journal is gone.
            _logger.LogDebug(ex, "Could not forget journal {Journal}.", journal.Name);
        }
    }

    /// <summary>
    /// Groups the events of the requested kinds by normalised question, most frequent first, after storing what the
    /// journals of stopped bots hold. Reads the database read-only and creates it only to store such journals: returns
    /// null when <paramref name="databasePath"/> does not exist.
    /// </summary>
    public static async Task<IReadOnlyList<FeedbackReviewItem>?> ReviewAsync(
        string databasePath, FeedbackReviewQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        databasePath = Path.GetFullPath(databasePath);

        // A bot killed before committing its last events left them in its journal: store them before counting.
        if (FeedbackJournalReplay.MayHaveWork(databasePath))
        {
            using var writable = FeedbackTable.OpenForWriting(databasePath, survivePowerLoss: false);
            FeedbackJournalReplay.Replay(writable, databasePath, ownJournal: null);
        }

        if (!File.Exists(databasePath))
        {
            return null;
        }

        var kinds = (query.Kinds.Count == 0 ? FeedbackKinds.Unanswered : query.Kinds).Select(k => k.ToName()).Distinct().ToList();
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        var kindParameters = string.Join(", ", kinds.Select((_, i) => $"$k{i}"));
        await using var groups = connection.CreateCommand();
        groups.CommandText = $"""
            SELECT normalized_question, COUNT(*) AS n, MIN(time), MAX(time),
                   (SELECT question FROM feedback AS latest
                     WHERE latest.normalized_question = f.normalized_question AND latest.kind IN ({kindParameters})
                     ORDER BY latest.time DESC, latest.id DESC LIMIT 1)
            FROM feedback AS f
            WHERE kind IN ({kindParameters})
            GROUP BY normalized_question
            ORDER BY n DESC, MAX(time) DESC
            LIMIT $top;
            """;
        AddKinds(groups, kinds);
        groups.Parameters.AddWithValue("$top", Math.Max(query.Top, 0));

        var rows = new List<(string Normalized, int Count, DateTimeOffset First, DateTimeOffset Last, string Question)>();
        await using (var reader = await groups.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetInt32(1), ParseTime(reader.GetString(2)), ParseTime(reader.GetString(3)), reader.GetString(4)));
            }
        }

        var items = new List<FeedbackReviewItem>(rows.Count);
        foreach (var row in rows)
        {
            await using var detail = connection.CreateCommand();
            detail.CommandText = $"""
                SELECT kind, entry_id, COUNT(*) FROM feedback
                WHERE normalized_question = $normalized AND kind IN ({kindParameters})
                GROUP BY kind, entry_id ORDER BY COUNT(*) DESC, kind;
                """;
            AddKinds(detail, kinds);
            detail.Parameters.AddWithValue("$normalized", row.Normalized);
            var countsByKind = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var entryIds = new List<string>();
            await using var reader = await detail.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var kind = reader.GetString(0);
                countsByKind[kind] = countsByKind.GetValueOrDefault(kind) + reader.GetInt32(2);
                if (!reader.IsDBNull(1) && !entryIds.Contains(reader.GetString(1)))
                {
                    entryIds.Add(reader.GetString(1));
                }
            }

            items.Add(new FeedbackReviewItem(row.Normalized, row.Question, row.Count, countsByKind, entryIds, row.First, row.Last));
        }

        return items;
    }

    // The writer's connection and prepared statements, opened (and the database created) on the first batch; on opening,
    // the journals of processes that died are stored first.
    private SqliteCommand PreparedInsert()
    {
        if (_insert is not null)
        {
            return _insert;
        }

        var connection = FeedbackTable.OpenForWriting(DatabasePath, _survivePowerLoss);
        ReplayDeadJournals(connection);
        _connection = connection;
        _progress = _journal is null ? null : FeedbackTable.CreateProgressUpsert(connection, _journal.Name);
        _insert = FeedbackTable.CreateInsert(connection);
        return _insert;
    }

    private void ReplayDeadJournals(SqliteConnection connection)
    {
        try
        {
            var replay = FeedbackJournalReplay.Replay(connection, DatabasePath, _journal?.Name);
            if (replay.Journals > 0)
            {
                _logger.LogInformation(
                    "Stored {Rows} feedback rows from {Journals} journals of a bot that stopped without committing them ({Damaged} damaged lines skipped).",
                    replay.Rows, replay.Journals, replay.DamagedLines);
            }
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            // The journals stay where they are for the next start or review; new events must not wait on them.
            _logger.LogWarning(ex, "Could not replay feedback journals beside {Database}; they are kept for the next attempt.", DatabasePath);
        }
    }

    private void CloseConnection()
    {
        _insert?.Dispose();
        _insert = null;
        _progress?.Dispose();
        _progress = null;
        _connection?.Dispose();
        _connection = null;
    }

    private static void AddKinds(SqliteCommand command, IReadOnlyList<string> kinds)
    {
        for (var i = 0; i < kinds.Count; i++)
        {
            command.Parameters.AddWithValue($"$k{i}", kinds[i]);
        }
    }

    // A row to commit (with its journal sequence, 0 without a journal) and who waits for it; a flush marker has no row.
    private readonly record struct PendingEvent(StoredFeedbackRow? Row, long Sequence, TaskCompletionSource? Done);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, StoredFeedbackRow.TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
