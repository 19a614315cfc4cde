using Npgsql;

namespace FaqBot.Storage.Postgres;

/// <summary>
/// The database's tables, created and upgraded in order. Safe to run from every replica at once: each run takes a
/// transaction-scoped advisory lock first, so one applies what is missing and the others then find nothing to do.
/// </summary>
public static class PostgresSchema
{
    // Any fixed number; only FaqBot takes this advisory lock.
    private const long MigrationLock = 0x4661_7142_6f74;

    // Append only: a deployed database has run the earlier steps, and its faqbot_schema row says how many.
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE bot_state (
            key text PRIMARY KEY,
            state json NOT NULL,
            etag text NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now());
        CREATE INDEX ix_bot_state_updated_at ON bot_state (updated_at);
        CREATE TABLE feedback (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            time timestamptz NOT NULL,
            channel text NOT NULL,
            conversation text NOT NULL,
            question text NOT NULL,
            normalized_question text NOT NULL,
            entry_id text NULL,
            confidence double precision NULL,
            kind text NOT NULL);
        CREATE INDEX ix_feedback_kind_question ON feedback (kind, normalized_question);
        """,
        """
        CREATE INDEX ix_feedback_conversation_time ON feedback (conversation, time);
        CREATE INDEX ix_feedback_time ON feedback (time);
        """,
        """
        CREATE TABLE directline_conversation (
            id text PRIMARY KEY,
            seq bigint NOT NULL,
            last_used_at timestamptz NOT NULL);
        CREATE INDEX ix_directline_conversation_last_used_at ON directline_conversation (last_used_at);
        CREATE TABLE directline_member (
            conversation_id text NOT NULL REFERENCES directline_conversation (id) ON DELETE CASCADE,
            member_key text NOT NULL,
            PRIMARY KEY (conversation_id, member_key));
        CREATE TABLE directline_activity (
            conversation_id text NOT NULL REFERENCES directline_conversation (id) ON DELETE CASCADE,
            seq bigint NOT NULL,
            activity_id text NOT NULL,
            json text NOT NULL,
            bytes integer NOT NULL,
            PRIMARY KEY (conversation_id, seq));
        CREATE TABLE directline_signing_key (
            id integer PRIMARY KEY CHECK (id = 1),
            key bytea NOT NULL);
        """,
    ];

    /// <summary>The schema version this build expects.</summary>
    public static int LatestVersion => Migrations.Length;

    /// <summary>Applies the migrations the database lacks and returns how many that was.</summary>
    public static async Task<int> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({MigrationLock});", cancellationToken);
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS faqbot_schema (version integer NOT NULL);", cancellationToken);
        await using (var read = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM faqbot_schema;", connection))
        {
            var version = (int)(await read.ExecuteScalarAsync(cancellationToken))!;
            if (version > Migrations.Length)
            {
                throw new InvalidOperationException(
                    $"The database's FaqBot schema is version {version}, newer than this build's {Migrations.Length}: run the newer FaqBot, or point ConnectionStrings:FaqBot at another database.");
            }

            foreach (var migration in Migrations.Skip(version))
            {
                await ExecuteAsync(connection, migration, cancellationToken);
            }

            await ExecuteAsync(connection, $"DELETE FROM faqbot_schema; INSERT INTO faqbot_schema (version) VALUES ({Migrations.Length});", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Migrations.Length - version;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
