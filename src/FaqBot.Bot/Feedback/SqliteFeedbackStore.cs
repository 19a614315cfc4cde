using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FaqBot.Bot.Feedback;

/// <summary>
/// Feedback events in a SQLite database (one row per event), written in WAL mode so the <c>review</c> command can read
/// while the bot writes. Safe under concurrent turns: writes are serialised in-process, and SQLite's own locking
/// (with Microsoft.Data.Sqlite retrying on SQLITE_BUSY) covers a second process writing the same file.
/// </summary>
public sealed class SqliteFeedbackStore : IFeedbackStore, IDisposable
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private readonly string _connectionString;
    // One transaction holds at most this many events; a longer queue is committed by the next lock holder.
    private const int MaxBatch = 512;

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentQueue<(FeedbackEvent Event, TaskCompletionSource Committed)> _pending = new();
    private bool _initialized;

    /// <summary>Creates a store over <paramref name="databasePath"/>; the file and its folder are created on first write.</summary>
    public SqliteFeedbackStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    /// <remarks>
    /// Group commit: events wait in a queue, and whichever caller holds the write lock commits every queued event in one
    /// transaction (one fsync). Each call still returns only once its own event is committed, so an acknowledged event
    /// is durable, but concurrent turns no longer queue behind one fsync each.
    /// </remarks>
    public async Task RecordAsync(FeedbackEvent feedbackEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedbackEvent);
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending.Enqueue((feedbackEvent, committed));
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            // Another holder may already have committed this event; a queue longer than one batch takes several commits.
            // The commit is not cancelled with this caller: it carries other callers' events too.
            while (!committed.Task.IsCompleted)
            {
                await CommitPendingAsync(CancellationToken.None);
            }
        }
        finally
        {
            _writeLock.Release();
        }

        await committed.Task;
    }

    // Called under the write lock: writes up to one batch of queued events in one transaction and settles each waiter
    // (a failure goes to every waiter in the batch, so each caller sees its own event's outcome).
    private async Task CommitPendingAsync(CancellationToken cancellationToken)
    {
        var batch = new List<(FeedbackEvent Event, TaskCompletionSource Committed)>();
        while (batch.Count < MaxBatch && _pending.TryDequeue(out var item))
        {
            batch.Add(item);
        }

        try
        {
            await using var connection = await OpenForWriteAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO feedback (time, channel, conversation, question, normalized_question, entry_id, confidence, kind)
                VALUES ($time, $channel, $conversation, $question, $normalized, $entry, $confidence, $kind);
                """;
            foreach (var (feedbackEvent, _) in batch)
            {
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$time", feedbackEvent.Time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
                insert.Parameters.AddWithValue("$channel", feedbackEvent.Channel);
                insert.Parameters.AddWithValue("$conversation", feedbackEvent.Conversation);
                insert.Parameters.AddWithValue("$question", feedbackEvent.Question);
                insert.Parameters.AddWithValue("$normalized", QuestionNormalizer.Normalize(feedbackEvent.Question));
                insert.Parameters.AddWithValue("$entry", (object?)feedbackEvent.EntryId ?? DBNull.Value);
                insert.Parameters.AddWithValue("$confidence", feedbackEvent.Confidence is { } c ? (double)c : DBNull.Value);
                insert.Parameters.AddWithValue("$kind", feedbackEvent.Kind.ToName());
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex)
        {
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

    /// <inheritdoc />
    public void Dispose() => _writeLock.Dispose();

    private async Task<SqliteConnection> OpenForWriteAsync(CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken);
            _initialized = true;
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // synchronous is per connection. In WAL mode NORMAL can lose the last commits on power loss (never corrupts);
            // FULL fsyncs the WAL on every commit, so an event is durable once RecordAsync returns. Feedback is a few
            // rows a minute, so the extra fsync costs nothing that matters.
            await ExecuteAsync(connection, "PRAGMA synchronous = FULL;", cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);

            // WAL is persistent in the file: readers (review) never block the bot's writes and vice versa.
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
            await ExecuteAsync(connection, """
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
                """, cancellationToken);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Cannot open the feedback database '{DatabasePath}': {ex.Message} Check Bot:DataDirectory points at a writable folder.", ex);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddKinds(SqliteCommand command, IReadOnlyList<string> kinds)
    {
        for (var i = 0; i < kinds.Count; i++)
        {
            command.Parameters.AddWithValue($"$k{i}", kinds[i]);
        }
    }

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
