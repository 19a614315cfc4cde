using Microsoft.Data.Sqlite;

namespace FaqBot.Bot.Feedback;

/// <summary>The feedback database's schema and the writes the store and the journal replay share.</summary>
internal static class FeedbackTable
{
    /// <summary>
    /// Opens <paramref name="databasePath"/> for writing, creating the folder, the file and the tables when missing.
    /// </summary>
    public static SqliteConnection OpenForWriting(string databasePath, bool survivePowerLoss)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
            connection.Open();

            // WAL is persistent in the file: readers (review) never block the bot's writes and vice versa.
            // synchronous is per connection. In WAL mode a commit is in the WAL file (the OS page cache) before it returns,
            // so with NORMAL a killed or crashed process loses nothing committed, and only a power cut or an OS crash can
            // lose the last commits (never corrupting the file). FULL also fsyncs the WAL on every commit: one fsync per
            // batch, thanks to group commit.
            // feedback_journal holds, per journal file, the last line the database has: a replay after a crash between a
            // commit and the journal's deletion skips those lines instead of storing them twice.
            Execute(connection, $"""
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = {(survivePowerLoss ? "FULL" : "NORMAL")};
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
                CREATE TABLE IF NOT EXISTS feedback_journal (
                    journal TEXT PRIMARY KEY,
                    committed_sequence INTEGER NOT NULL) WITHOUT ROWID;
                PRAGMA user_version = 2;
                """);
            return connection;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            connection.Dispose();
            throw new InvalidOperationException(
                $"Cannot open the feedback database '{databasePath}': {ex.Message} Check Bot:DataDirectory points at a writable folder.", ex);
        }
    }

    /// <summary>A prepared INSERT of one row; bind it with <see cref="Bind"/>.</summary>
    public static SqliteCommand CreateInsert(SqliteConnection connection)
    {
        var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO feedback (time, channel, conversation, question, normalized_question, entry_id, confidence, kind)
            VALUES ($time, $channel, $conversation, $question, $normalized, $entry, $confidence, $kind);
            """;
        foreach (var name in (string[])["$time", "$channel", "$conversation", "$question", "$normalized", "$entry", "$confidence", "$kind"])
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return insert;
    }

    public static void Bind(SqliteCommand insert, StoredFeedbackRow row)
    {
        insert.Parameters["$time"].Value = row.Time;
        insert.Parameters["$channel"].Value = row.Channel;
        insert.Parameters["$conversation"].Value = row.Conversation;
        insert.Parameters["$question"].Value = row.Question;
        insert.Parameters["$normalized"].Value = QuestionNormalizer.Normalize(row.Question);
        insert.Parameters["$entry"].Value = (object?)row.EntryId ?? DBNull.Value;
        insert.Parameters["$confidence"].Value = (object?)row.Confidence ?? DBNull.Value;
        insert.Parameters["$kind"].Value = row.Kind;
    }

    /// <summary>A prepared statement recording that the database holds journal <c>$journal</c> up to <c>$sequence</c>.</summary>
    public static SqliteCommand CreateProgressUpsert(SqliteConnection connection, string journal)
    {
        var upsert = connection.CreateCommand();
        upsert.CommandText = """
            INSERT INTO feedback_journal (journal, committed_sequence) VALUES ($journal, $sequence)
            ON CONFLICT (journal) DO UPDATE SET committed_sequence = MAX(committed_sequence, excluded.committed_sequence);
            """;
        upsert.Parameters.AddWithValue("$journal", journal);
        upsert.Parameters.Add(new SqliteParameter { ParameterName = "$sequence" });
        return upsert;
    }

    /// <summary>The last sequence of <paramref name="journal"/> the database holds; 0 when none.</summary>
    public static long CommittedSequence(SqliteConnection connection, SqliteTransaction? transaction, string journal)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT committed_sequence FROM feedback_journal WHERE journal = $journal;";
        command.Parameters.AddWithValue("$journal", journal);
        return command.ExecuteScalar() is long sequence ? sequence : 0;
    }

    /// <summary>Forgets <paramref name="journal"/>'s progress: only once its file is gone.</summary>
    public static void ForgetJournal(SqliteConnection connection, string journal)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM feedback_journal WHERE journal = $journal;";
        command.Parameters.AddWithValue("$journal", journal);
        command.ExecuteNonQuery();
    }

    /// <summary>Every journal the database has progress for.</summary>
    public static List<string> KnownJournals(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT journal FROM feedback_journal;";
        using var reader = command.ExecuteReader();
        var journals = new List<string>();
        while (reader.Read())
        {
            journals.Add(reader.GetString(0));
        }

        return journals;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
