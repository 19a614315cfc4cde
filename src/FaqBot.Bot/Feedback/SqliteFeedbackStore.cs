using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FaqBot.Bot.Feedback;

/// <summary>
/// Feedback events in a SQLite database (one row per event), written in WAL mode so the <c>review</c> command can read
/// while the bot writes. Safe under concurrent turns: one writer thread owns the connection in-process, and SQLite's
/// own locking (with Microsoft.Data.Sqlite retrying on SQLITE_BUSY) covers a second process writing the same file.
/// </summary>
public sealed class SqliteFeedbackStore : IFeedbackStore, IDisposable
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    // One transaction holds at most this many events; a longer queue is committed in several.
    private const int MaxBatch = 512;

    private readonly string _connectionString;
    private readonly string _synchronous;
    private readonly TimeSpan _commitInterval;
    private readonly BlockingCollection<PendingEvent> _queue = new();
    private readonly Lock _startGate = new();
    private Thread? _writer;
    private bool _disposed;

    // Owned by the writer thread alone once it runs.
    private SqliteConnection? _connection;
    private SqliteCommand? _insert;
    private long _commits;

    /// <summary>
    /// Creates a store over <paramref name="databasePath"/>; the file and its folder are created on first write. With
    /// <paramref name="survivePowerLoss"/> every commit is fsynced; without it a commit survives the process being killed
    /// (see <see cref="BotOptions.FeedbackSurvivesPowerLoss"/>). Commits start at most once per
    /// <paramref name="commitInterval"/> (see <see cref="BotOptions.FeedbackCommitInterval"/>); zero commits as soon as the
    /// previous commit is done.
    /// </summary>
    public SqliteFeedbackStore(string databasePath, bool survivePowerLoss = false, TimeSpan commitInterval = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentOutOfRangeException.ThrowIfLessThan(commitInterval, TimeSpan.Zero);
        DatabasePath = Path.GetFullPath(databasePath);
        _commitInterval = commitInterval;
        _synchronous = survivePowerLoss ? "FULL" : "NORMAL";
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <summary>Transactions committed so far (each carries one or more events).</summary>
    internal long Commits => Interlocked.Read(ref _commits);

    /// <inheritdoc />
    /// <remarks>
    /// Group commit on a dedicated thread: events queue, and the writer commits everything queued in one transaction
    /// (one fsync when every commit is fsynced) while the callers wait without holding a thread. Under load a commit
    /// carries many events, and no thread-pool thread ever blocks on the disk. The task completes only once its own
    /// event is committed, so an acknowledged event survives the process being killed. Cancelling stops the wait, not
    /// the write: the event may still be stored.
    /// </remarks>
    public Task RecordAsync(FeedbackEvent feedbackEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedbackEvent);
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingEvent(feedbackEvent, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        StartWriter();
        try
        {
            _queue.Add(pending, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(SqliteFeedbackStore), "The feedback store is shut down; the event was not stored.");
        }

        return pending.Committed.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Commits every event already queued, then closes the database. Safe to call more than once.</summary>
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
            writer = _writer;
        }

        if (writer is not null)
        {
            writer.Join();
        }
        else
        {
            CloseConnection();
        }

        _queue.Dispose();
    }

    private void StartWriter()
    {
        if (Volatile.Read(ref _writer) is not null)
        {
            return;
        }

        lock (_startGate)
        {
            if (_writer is null && !_disposed)
            {
                // A background thread: it never keeps the process alive, and a kill loses only events not yet acknowledged.
                var writer = new Thread(WriteLoop) { IsBackground = true, Name = "FaqBot feedback writer" };
                writer.Start();
                Volatile.Write(ref _writer, writer);
            }
        }
    }

    // Each commit costs the same dozen-odd system calls (WAL locks, page frames) whatever it carries, so under load the
    // writer starts a commit at most once per interval and the events that arrived meanwhile share it. An event that
    // arrives after a quiet spell is committed at once: the wait only ever applies while commits are frequent.
    private void WriteLoop()
    {
        var batch = new List<PendingEvent>(MaxBatch);
        var lastCommit = long.MinValue;
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            if (lastCommit != long.MinValue && _commitInterval > TimeSpan.Zero)
            {
                var wait = _commitInterval - Stopwatch.GetElapsedTime(lastCommit);
                if (wait > TimeSpan.Zero)
                {
                    Thread.Sleep(wait);
                }
            }

            batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var next))
            {
                batch.Add(next);
            }

            lastCommit = Stopwatch.GetTimestamp();
            Commit(batch);
            batch.Clear();
        }

        CloseConnection();
    }

    // Writes one batch in one transaction and settles each waiter; a failure goes to every waiter in the batch, so each
    // caller sees its own event's outcome, and the connection is reopened for the next batch.
    private void Commit(List<PendingEvent> batch)
    {
        try
        {
            var insert = PreparedInsert();
            using var transaction = _connection!.BeginTransaction();
            insert.Transaction = transaction;
            foreach (var (feedbackEvent, _) in batch)
            {
                insert.Parameters["$time"].Value = feedbackEvent.Time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);
                insert.Parameters["$channel"].Value = feedbackEvent.Channel;
                insert.Parameters["$conversation"].Value = feedbackEvent.Conversation;
                insert.Parameters["$question"].Value = feedbackEvent.Question;
                insert.Parameters["$normalized"].Value = QuestionNormalizer.Normalize(feedbackEvent.Question);
                insert.Parameters["$entry"].Value = (object?)feedbackEvent.EntryId ?? DBNull.Value;
                insert.Parameters["$confidence"].Value = feedbackEvent.Confidence is { } c ? (double)c : DBNull.Value;
                insert.Parameters["$kind"].Value = feedbackEvent.Kind.ToName();
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
            Interlocked.Increment(ref _commits);
        }
        catch (Exception ex)
        {
            CloseConnection();
            foreach (var (_, committed) in batch)
            {
                committed.TrySetException(ex);
            }

            return;
        }

        foreach (var (_, committed) in batch)
        {
            committed.TrySetResult();
        }
    }

    /// <summary>
    /// Groups the events of the requested kinds by normalised question, most frequent first. Opens the database
    /// read-only and never creates it: returns null when <paramref name="databasePath"/> does not exist.
    /// </summary>
    public static async Task<IReadOnlyList<FeedbackReviewItem>?> ReviewAsync(
        string databasePath, FeedbackReviewQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!File.Exists(databasePath))
        {
            return null;
        }

        var kinds = (query.Kinds.Count == 0 ? FeedbackKinds.Unanswered : query.Kinds).Select(k => k.ToName()).Distinct().ToList();
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(databasePath),
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

    // The writer's connection and prepared INSERT, opened (and the database created) on the first batch.
    private SqliteCommand PreparedInsert()
    {
        if (_insert is not null)
        {
            return _insert;
        }

        var connection = Open();
        var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO feedback (time, channel, conversation, question, normalized_question, entry_id, confidence, kind)
            VALUES ($time, $channel, $conversation, $question, $normalized, $entry, $confidence, $kind);
            """;
        foreach (var name in (string[])["$time", "$channel", "$conversation", "$question", "$normalized", "$entry", "$confidence", "$kind"])
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        _connection = connection;
        _insert = insert;
        return insert;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            connection.Open();

            // WAL is persistent in the file: readers (review) never block the bot's writes and vice versa.
            // synchronous is per connection. In WAL mode a commit is in the WAL file (the OS page cache) before it returns,
            // so with NORMAL a killed or crashed process loses nothing committed, and only a power cut or an OS crash can
            // lose the last commits (never corrupting the file). FULL also fsyncs the WAL on every commit: one fsync per
            // batch, thanks to group commit.
            Execute(connection, $"""
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = {_synchronous};
                CREATE TABLE IF NOT EXISTS feedback (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    time TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    conversation TEXT NOT NULL,
                    question TEXT NOT NULL,
                    normalized_question TEXT NOT NULL,
                    entry_id TEXT NULL,
                    confidence REAL NULL,
                    kind TEXT NOT NULL);
                CREATE INDEX IF NOT EXISTS ix_feedback_kind_question ON feedback (kind, normalized_question);
                PRAGMA user_version = 1;
                """);
            return connection;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            connection.Dispose();
            throw new InvalidOperationException(
                $"Cannot open the feedback database '{DatabasePath}': {ex.Message} Check Bot:DataDirectory points at a writable folder.", ex);
        }
    }

    private void CloseConnection()
    {
        _insert?.Dispose();
        _insert = null;
        _connection?.Dispose();
        _connection = null;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void AddKinds(SqliteCommand command, IReadOnlyList<string> kinds)
    {
        for (var i = 0; i < kinds.Count; i++)
        {
            command.Parameters.AddWithValue($"$k{i}", kinds[i]);
        }
    }

    private readonly record struct PendingEvent(FeedbackEvent Event, TaskCompletionSource Committed);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
