using FaqBot.Bot.State;
using Microsoft.Bot.Builder;
using Npgsql;
using NpgsqlTypes;

namespace FaqBot.Storage.Postgres;

/// <summary>
/// Bot state in PostgreSQL (table <c>bot_state</c>), shared by every replica. Follows Bot Builder's <see cref="IStorage"/>
/// contract: an <see cref="IStoreItem"/> written with a stale ETag is refused (<see cref="System.Data.DBConcurrencyException"/>,
/// and nothing of its batch is written), <c>*</c> or no ETag overwrites; stock <see cref="BotState"/> writes are last write wins.
/// </summary>
public sealed class PostgresStorage(NpgsqlDataSource dataSource) : IStorage
{
    /// <inheritdoc />
    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>(keys.Length);
        await using var command = dataSource.CreateCommand("SELECT key, state, etag FROM bot_state WHERE key = ANY(@keys);");
        command.Parameters.AddWithValue("keys", keys);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items[reader.GetString(0)] = StoredState.FromJson(reader.GetString(1), reader.GetString(2));
        }

        return items;
    }

    /// <inheritdoc />
    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (key, value) in changes)
        {
            // One statement per key: it inserts, or overwrites only when no ETag is required or the stored one matches it.
            var required = StoredState.RequiredETag(key, value);
            await using var upsert = new NpgsqlCommand(
                """
                INSERT INTO bot_state (key, state, etag) VALUES (@key, @state, @etag)
                ON CONFLICT (key) DO UPDATE SET state = excluded.state, etag = excluded.etag, updated_at = now()
                WHERE @required IS NULL OR bot_state.etag = @required;
                """, connection, transaction);
            upsert.Parameters.AddWithValue("key", key);
            upsert.Parameters.AddWithValue("state", NpgsqlDbType.Json, StoredState.ToJson(value));
            upsert.Parameters.AddWithValue("etag", Guid.NewGuid().ToString("n"));
            upsert.Parameters.AddWithValue("required", NpgsqlDbType.Text, (object?)required ?? DBNull.Value);
            if (await upsert.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                throw StoredState.Conflict(key, required!);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var command = dataSource.CreateCommand("DELETE FROM bot_state WHERE key = ANY(@keys);");
        command.Parameters.AddWithValue("keys", keys);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes state not written for <paramref name="idleTimeout"/>; returns how many keys that was.</summary>
    public async Task<int> DeleteIdleAsync(TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM bot_state WHERE updated_at < now() - @idle;");
        command.Parameters.AddWithValue("idle", idleTimeout);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
