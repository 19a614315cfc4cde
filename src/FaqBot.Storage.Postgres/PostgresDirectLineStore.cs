using System.Security.Cryptography;
using System.Text;
using FaqBot.Bot.DirectLine;
using Microsoft.Bot.Schema;
using Npgsql;
using NpgsqlTypes;

namespace FaqBot.Storage.Postgres;

/// <summary>
/// Direct Line conversations in PostgreSQL (tables <c>directline_conversation</c>, <c>directline_member</c>,
/// <c>directline_activity</c>), shared by every replica, so a Web Chat client whose requests land on different replicas
/// keeps its conversation. Ids stay in order per conversation across replicas: an activity takes the conversation row's
/// next sequence number and is inserted in the same transaction, so the row lock orders the writers and a reader never
/// sees a later activity without the earlier ones. Each change is announced with <c>pg_notify</c>, which
/// <see cref="PostgresDirectLineListener"/> turns into wake-ups of the other replicas' streams. Times come from the
/// host's <see cref="TimeProvider"/>, as with the memory store.
/// </summary>
public sealed class PostgresDirectLineStore(
    NpgsqlDataSource dataSource, DirectLineLimits limits, DirectLineChangeSignals signals, TimeProvider time) : IDirectLineStore
{
    private byte[]? _signingKey;

    // Reads and polls touch a conversation often; one write per this interval is enough to keep it alive.
    private TimeSpan TouchInterval => TimeSpan.FromTicks(Math.Min(limits.IdleTimeout.Ticks / 20, TimeSpan.TicksPerMinute));

    /// <inheritdoc />
    public async Task<bool> CreateAsync(string conversationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var batch = dataSource.CreateBatch();

        // A conversation idle past the timeout but not yet swept is started afresh, as the memory store does.
        Add(batch, "DELETE FROM directline_conversation WHERE id = @id AND last_used_at <= @idle_before;", conversationId, now);
        var insert = Add(batch, "INSERT INTO directline_conversation (id, seq, last_used_at) VALUES (@id, 0, @now) ON CONFLICT (id) DO NOTHING;", conversationId, now);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return insert.RecordsAffected == 1;
    }

    /// <inheritdoc />
    public async Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT EXISTS (SELECT 1 FROM directline_conversation WHERE id = @id AND last_used_at > @idle_before);", conversationId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc />
    public async Task TouchAsync(string conversationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var command = Command(
            "UPDATE directline_conversation SET last_used_at = @now WHERE id = @id AND last_used_at > @idle_before AND last_used_at <= @touch_before;",
            conversationId, now);
        command.Parameters.AddWithValue("touch_before", NpgsqlDbType.TimestampTz, (now - TouchInterval).UtcDateTime);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> AddMemberAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        await using var command = Command(
            """
            INSERT INTO directline_member (conversation_id, member_key)
            SELECT @id, @member FROM directline_conversation WHERE id = @id AND last_used_at > @idle_before
            ON CONFLICT DO NOTHING;
            """, conversationId);
        command.Parameters.AddWithValue("member", DirectLineLimits.MemberKey(userId));
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return false; // Dropped by an idle sweep in the meantime.
        }
    }

    /// <inheritdoc />
    public async Task<string?> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await NextSequenceAsync(connection, conversationId, now, cancellationToken) is not { } sequence)
        {
            return null;
        }

        var id = DirectLineLimits.ActivityId(conversationId, sequence);
        activity.Id = id;
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(ActivityCommand(
            "INSERT INTO directline_activity (conversation_id, seq, activity_id, json, bytes) VALUES (@id, @seq, @activity_id, @json, @bytes);",
            conversationId, sequence, activity));
        AddTrimAndNotify(batch, conversationId);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signals.Wake(conversationId);
        return id;
    }

    /// <inheritdoc />
    public async Task<bool> ReplaceAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (activity.Id is null || await NextSequenceAsync(connection, conversationId, now, cancellationToken) is not { } sequence)
        {
            return false;
        }

        await using var batch = new NpgsqlBatch(connection);
        var update = ActivityCommand(
            "UPDATE directline_activity SET seq = @seq, json = @json, bytes = @bytes WHERE conversation_id = @id AND activity_id = @activity_id;",
            conversationId, sequence, activity);
        batch.BatchCommands.Add(update);
        AddTrimAndNotify(batch, conversationId);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        if (update.RecordsAffected == 0)
        {
            return false; // Rolled back with the sequence number it took.
        }

        await transaction.CommitAsync(cancellationToken);
        signals.Wake(conversationId);
        return true;
    }

    // The activity's row as an insert or update writes it: its JSON, its size and the sequence number it now holds.
    private static NpgsqlBatchCommand ActivityCommand(string sql, string conversationId, long sequence, Activity activity)
    {
        var json = DirectLineJson.Serialize(activity);
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddWithValue("id", conversationId);
        command.Parameters.AddWithValue("seq", sequence);
        command.Parameters.AddWithValue("activity_id", activity.Id);
        command.Parameters.AddWithValue("json", json);
        command.Parameters.AddWithValue("bytes", Encoding.UTF8.GetByteCount(json));
        return command;
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM directline_activity WHERE conversation_id = @id AND activity_id = @activity_id;");
        command.Parameters.AddWithValue("id", conversationId);
        command.Parameters.AddWithValue("activity_id", activityId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <inheritdoc />
    public async Task<DirectLineActivitySet?> GetSinceAsync(string conversationId, long watermark, CancellationToken cancellationToken)
    {
        // One statement, so the watermark and the activities come from the same snapshot.
        await using var command = Command(
            """
            SELECT c.seq, a.json FROM directline_conversation c
            LEFT JOIN directline_activity a ON a.conversation_id = c.id AND a.seq > @watermark
            WHERE c.id = @id AND c.last_used_at > @idle_before
            ORDER BY a.seq;
            """, conversationId);
        command.Parameters.AddWithValue("watermark", watermark);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long? latest = null;
        var activities = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            latest = reader.GetInt64(0);
            if (!reader.IsDBNull(1))
            {
                activities.Add(reader.GetString(1));
            }
        }

        return latest is { } mark ? new DirectLineActivitySet(activities, mark) : null;
    }

    /// <inheritdoc />
    public Task NextChange(string conversationId) => signals.Next(conversationId);

    /// <inheritdoc />
    public async Task<byte[]> GetSigningKeyAsync(CancellationToken cancellationToken)
    {
        if (_signingKey is { } known)
        {
            return known;
        }

        // Insert-if-absent: of replicas starting together one key wins, and every replica reads that one.
        await using var batch = dataSource.CreateBatch();
        var insert = new NpgsqlBatchCommand("INSERT INTO directline_signing_key (id, key) VALUES (1, @key) ON CONFLICT (id) DO NOTHING;");
        insert.Parameters.AddWithValue("key", RandomNumberGenerator.GetBytes(32));
        batch.BatchCommands.Add(insert);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT key FROM directline_signing_key WHERE id = 1;"));
        return _signingKey = (byte[])(await batch.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc />
    public async Task<int> RemoveIdleAsync(CancellationToken cancellationToken)
    {
        await using var command = Command("DELETE FROM directline_conversation WHERE last_used_at <= @idle_before RETURNING id;", conversationId: null);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var dropped = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            signals.Wake(reader.GetString(0));
            dropped++;
        }

        return dropped;
    }

    // Takes the conversation's next sequence number and marks it used, holding its row lock until the transaction ends;
    // null when the conversation is not live.
    private async Task<long?> NextSequenceAsync(NpgsqlConnection connection, string conversationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var next = new NpgsqlCommand(
            "UPDATE directline_conversation SET seq = seq + 1, last_used_at = @now WHERE id = @id AND last_used_at > @idle_before RETURNING seq;",
            connection);
        AddKeys(next.Parameters, conversationId, now);
        return await next.ExecuteScalarAsync(cancellationToken) is long sequence ? sequence : null;
    }

    // Keeps the newest activities within the count and byte budgets (the newest always), then announces the change;
    // both run in the writer's transaction, so the notification goes out only when it commits.
    private void AddTrimAndNotify(NpgsqlBatch batch, string conversationId)
    {
        var trim = new NpgsqlBatchCommand(
            """
            DELETE FROM directline_activity d USING (
                SELECT seq FROM (
                    SELECT seq, row_number() OVER newest AS n, sum(bytes) OVER newest AS total
                    FROM directline_activity WHERE conversation_id = @id
                    WINDOW newest AS (ORDER BY seq DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) ranked
                WHERE n > 1 AND (n > @max_count OR total > @max_bytes)) old
            WHERE d.conversation_id = @id AND d.seq = old.seq;
            """);
        trim.Parameters.AddWithValue("id", conversationId);
        trim.Parameters.AddWithValue("max_count", (long)limits.MaxActivitiesPerConversation);
        trim.Parameters.AddWithValue("max_bytes", (long)limits.MaxBytesPerConversation);
        batch.BatchCommands.Add(trim);
        var notify = new NpgsqlBatchCommand($"SELECT pg_notify('{PostgresDirectLineListener.Channel}', @id);");
        notify.Parameters.AddWithValue("id", conversationId);
        batch.BatchCommands.Add(notify);
    }

    private NpgsqlCommand Command(string sql, string? conversationId, DateTimeOffset? now = null)
    {
        var command = dataSource.CreateCommand(sql);
        AddKeys(command.Parameters, conversationId, now ?? time.GetUtcNow());
        return command;
    }

    private NpgsqlBatchCommand Add(NpgsqlBatch batch, string sql, string conversationId, DateTimeOffset now)
    {
        var command = new NpgsqlBatchCommand(sql);
        AddKeys(command.Parameters, conversationId, now);
        batch.BatchCommands.Add(command);
        return command;
    }

    // Every statement may name the conversation, the time now and the last time a live conversation can have been used.
    private void AddKeys(NpgsqlParameterCollection parameters, string? conversationId, DateTimeOffset now)
    {
        if (conversationId is not null)
        {
            parameters.AddWithValue("id", conversationId);
        }

        parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, now.UtcDateTime);
        parameters.AddWithValue("idle_before", NpgsqlDbType.TimestampTz, (now - limits.IdleTimeout).UtcDateTime);
    }
}
