using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FaqBot.Bot.Feedback;

/// <summary>
/// Feedback events in a SQLite database, one row per event, in WAL mode so <c>review</c> reads while the bot writes.
/// <see cref="RecordAsync"/> returns once the row's insert is committed: the commit is then in the WAL file (the OS page
/// cache), so the row survives the process being killed; with <c>synchronous = NORMAL</c> a power cut or an OS crash can
/// lose the last commits, never corrupt the file. SQLite's own locking lets a second process write the same file.
/// </summary>
public sealed class SqliteFeedbackStore : IFeedbackStore, IDisposable
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    // One connection, one insert at a time: an insert without fsync takes microseconds, far below a turn.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly FeedbackRetention _retention;
    private SqliteConnection? _connection;
    private Commands? _commands;
    private bool _disposed;

    /// <summary>Creates a store over <paramref name="databasePath"/>; the file and its folder are created on the first event.</summary>
    /// <param name="databasePath">The database file.</param>
    /// <param name="retention">Rate, repeats and caps; the defaults when null.</param>
    public SqliteFeedbackStore(string databasePath, FeedbackRetention? retention = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _retention = retention ?? new FeedbackRetention();
        if (_retention.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(retention));
        }
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    public async Task<FeedbackRecorded> RecordAsync(FeedbackEvent feedbackEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedbackEvent);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var commands = _commands ??= Open();
            var question = ControlCharacters.Strip(feedbackEvent.Question);
            var time = feedbackEvent.Time.UtcDateTime;
            var check = commands.Check;
            check.Parameters["@conversation"].Value = feedbackEvent.Conversation;
            check.Parameters["@normalized"].Value = QuestionNormalizer.Normalize(question);
            check.Parameters["@entry"].Value = (object?)feedbackEvent.EntryId ?? DBNull.Value;
            check.Parameters["@kind"].Value = feedbackEvent.Kind.ToName();
            check.Parameters["@repeatSince"].Value = Time(Before(time, _retention.RepeatWindow));
            check.Parameters["@minuteSince"].Value = Time(time.AddMinutes(-1));
            using (var reader = check.ExecuteReader())
            {
                reader.Read();
                if (reader.GetInt64(0) > 0)
                {
                    return FeedbackRecorded.Repeat;
                }

                if (reader.GetInt64(1) >= _retention.MaxPerConversationPerMinute)
                {
                    return FeedbackRecorded.RateLimited;
                }
            }

            var insert = commands.Insert;
            insert.Parameters["@time"].Value = Time(time);
            insert.Parameters["@channel"].Value = feedbackEvent.Channel;
            insert.Parameters["@conversation"].Value = feedbackEvent.Conversation;
            insert.Parameters["@question"].Value = question;
            insert.Parameters["@normalized"].Value = check.Parameters["@normalized"].Value;
            insert.Parameters["@entry"].Value = check.Parameters["@entry"].Value;
            insert.Parameters["@confidence"].Value = feedbackEvent.Confidence is { } c ? (double)c : DBNull.Value;
            insert.Parameters["@kind"].Value = feedbackEvent.Kind.ToName();
            insert.ExecuteNonQuery();

            // Both deletes walk an index from one end, so keeping the caps on every insert costs about as much as the insert.
            commands.Prune.Parameters["@before"].Value = Time(Before(time, _retention.MaxAge));
            commands.Prune.Parameters["@maxRows"].Value = _retention.MaxRows;
            commands.Prune.ExecuteNonQuery();
            return FeedbackRecorded.Stored;
        }
        catch (SqliteException)
        {
            // The next event reopens the database (and recreates the table if it went missing).
            Close();
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Opens the database now (creating its folder, file and table) instead of on the first event, so a folder that cannot
    /// be written is found at start-up; throws <see cref="InvalidOperationException"/> naming the file and what to check.
    /// </summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _commands ??= Open();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the database; later events are refused. Safe to call more than once.</summary>
    public void Dispose()
    {
        _gate.Wait();
        try
        {
            _disposed = true;
            Close();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Groups the events of the requested kinds by normalised question, most frequent first. Reads the database read-only:
    /// returns null when <paramref name="databasePath"/> does not exist.
    /// </summary>
    public static async Task<IReadOnlyList<FeedbackReviewItem>?> ReviewAsync(
        string databasePath, FeedbackReviewQuery query, CancellationToken cancellationToken)
    {
        if (!File.Exists(databasePath))
        {
            return null;
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync(cancellationToken);
        return await FeedbackReview.ReadAsync(connection, "group_concat(DISTINCT entry_id)", query, cancellationToken);
    }

    private Commands Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            connection.Open();
            using (var schema = connection.CreateCommand())
            {
                schema.CommandText = """
                    PRAGMA journal_mode = WAL;
                    PRAGMA synchronous = NORMAL;
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
                    CREATE INDEX IF NOT EXISTS ix_feedback_conversation_time ON feedback (conversation, time);
                    CREATE INDEX IF NOT EXISTS ix_feedback_time ON feedback (time);
                    """;
                schema.ExecuteNonQuery();
            }

            var commands = new Commands(
                Command(connection, """
                    SELECT
                        EXISTS (SELECT 1 FROM feedback WHERE conversation = @conversation AND normalized_question = @normalized
                            AND kind = @kind AND entry_id IS @entry AND time >= @repeatSince),
                        (SELECT count(*) FROM feedback WHERE conversation = @conversation AND time >= @minuteSince);
                    """,
                    "@conversation", "@normalized", "@entry", "@kind", "@repeatSince", "@minuteSince"),
                Command(connection, """
                    INSERT INTO feedback (time, channel, conversation, question, normalized_question, entry_id, confidence, kind)
                    VALUES (@time, @channel, @conversation, @question, @normalized, @entry, @confidence, @kind);
                    """,
                    "@time", "@channel", "@conversation", "@question", "@normalized", "@entry", "@confidence", "@kind"),
                Command(connection, """
                    DELETE FROM feedback WHERE time < @before;
                    DELETE FROM feedback WHERE id <= (SELECT max(id) FROM feedback) - @maxRows;
                    """,
                    "@before", "@maxRows"));
            _connection = connection;
            return commands;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            connection.Dispose();
            throw new InvalidOperationException(
                $"Cannot open the feedback database '{DatabasePath}': {ex.Message} Check Bot:DataDirectory points at a writable folder.", ex);
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    // A setting of many centuries must not throw.
    private static DateTime Before(DateTime utc, TimeSpan span) => utc - DateTime.MinValue > span ? utc - span : DateTime.MinValue;

    private static string Time(DateTime utc) => utc.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private void Close()
    {
        _commands?.Dispose();
        _commands = null;
        _connection?.Dispose();
        _connection = null;
    }

    private sealed record Commands(SqliteCommand Check, SqliteCommand Insert, SqliteCommand Prune) : IDisposable
    {
        public void Dispose()
        {
            Check.Dispose();
            Insert.Dispose();
            Prune.Dispose();
        }
    }
}
