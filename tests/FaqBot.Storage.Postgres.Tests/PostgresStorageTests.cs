using System.Data;
using Microsoft.Bot.Builder;
using Npgsql;

namespace FaqBot.Storage.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresStorageTests(PostgresServer server) : StorageContract, IAsyncLifetime
{
    private NpgsqlDataSource _dataSource = null!;
    private PostgresStorage _storage = null!;

    protected override IStorage Storage => _storage;

    public async Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        await PostgresSchema.MigrateAsync(_dataSource, CancellationToken.None);
        _storage = new PostgresStorage(_dataSource);
    }

    [Fact]
    public async Task Of_two_writers_holding_the_same_etag_exactly_one_wins()
    {
        const string Key = "msteams/conversations/race";
        await _storage.WriteAsync(new Dictionary<string, object> { [Key] = new CountItem { Count = 0 } });
        var copies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _storage.ReadAsync([Key])));

        var writes = copies.Select((items, i) =>
        {
            var item = (CountItem)items[Key];
            item.Count = i + 1;
            return _storage.WriteAsync(new Dictionary<string, object> { [Key] = item });
        }).ToList();
        var outcomes = await Task.WhenAll(writes.Select(async write =>
        {
            try
            {
                await write;
                return "won";
            }
            catch (DBConcurrencyException)
            {
                return "refused";
            }
        }));

        Assert.Equal(1, outcomes.Count(o => o == "won"));
        Assert.Equal(7, outcomes.Count(o => o == "refused"));
    }

    [Fact]
    public async Task State_not_written_for_the_idle_timeout_is_deleted_and_fresh_state_is_kept()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["idle"] = new CountItem(), ["fresh"] = new CountItem() });
        await using (var backdate = _dataSource.CreateCommand("UPDATE bot_state SET updated_at = now() - interval '2 hours' WHERE key = 'idle';"))
        {
            await backdate.ExecuteNonQueryAsync();
        }

        var deleted = await _storage.DeleteIdleAsync(TimeSpan.FromMinutes(30), CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Equal(["fresh"], (await _storage.ReadAsync(["idle", "fresh"])).Keys);
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();
}
