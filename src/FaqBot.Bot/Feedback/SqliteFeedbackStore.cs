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
    private SqliteConnection? _connection;
    private SqliteCommand? _insert;
    private bool _disposed;

    /// <summary>Creates a store over <paramref name="databasePath"/>; the file and its folder are created on the first event.</summary>
    public SqliteFeedbackStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    public async Task RecordAsync(FeedbackEvent feedbackEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedbackEvent);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var insert = _insert ??= Open();
            insert.Parameters["@time"].Value = feedbackEvent.Time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);
            insert.Parameters["@channel"].Value = feedbackEvent.Channel;
            insert.Parameters["@conversation"].Value = feedbackEvent.Conversation;
            var question = ControlCharacters.Strip(feedbackEvent.Question);
            insert.Parameters["@question"].Value = question;
            insert.Parameters["@normalized"].Value = QuestionNormalizer.Normalize(question);
            insert.Parameters["@entry"].Value = (object?)feedbackEvent.EntryId ?? DBNull.Value;
            insert.Parameters["@confidence"].Value = feedbackEvent.Confidence is { } c ? (double)c : DBNull.Value;
            insert.Parameters["@kind"].Value = feedbackEvent.Kind.ToName();
            insert.ExecuteNonQuery();
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

    private SqliteCommand Open()
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
                    """;
                schema.ExecuteNonQuery();
            }

            var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO feedback (time, channel, conversation, question, normalized_question, entry_id, confidence, kind)
                VALUES (@time, @channel, @conversation, @question, @normalized, @entry, @confidence, @kind);
                """;
            foreach (var name in (string[])["@time", "@channel", "@conversation", "@question", "@normalized", "@entry", "@confidence", "@kind"])
            {
                insert.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            _connection = connection;
            return insert;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            connection.Dispose();
            throw new InvalidOperationException(
                $"Cannot open the feedback database '{DatabasePath}': {ex.Message} Check Bot:DataDirectory points at a writable folder.", ex);
        }
    }

    private void Close()
    {
        _insert?.Dispose();
        _insert = null;
        _connection?.Dispose();
        _connection = null;
    }
}
