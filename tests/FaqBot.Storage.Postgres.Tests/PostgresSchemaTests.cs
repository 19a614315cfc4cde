using Npgsql;

namespace FaqBot.Storage.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresSchemaTests(PostgresServer server)
{
    [Fact]
    public async Task Replicas_starting_at_once_on_an_empty_database_all_succeed_and_the_schema_is_applied_once()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var replicas = Enumerable.Range(0, 6).Select(_ => NpgsqlDataSource.Create(connectionString)).ToList();

        var applied = await Task.WhenAll(replicas.Select(replica => Task.Run(() => PostgresSchema.MigrateAsync(replica, CancellationToken.None))));

        Assert.Equal(PostgresSchema.LatestVersion, applied.Sum());
        Assert.Equal(PostgresSchema.LatestVersion, await ScalarAsync<int>(replicas[0], "SELECT version FROM faqbot_schema;"));
        Assert.Equal(1L, await ScalarAsync<long>(replicas[0], "SELECT COUNT(*) FROM faqbot_schema;"));
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
    }

    [Fact]
    public async Task Migrating_again_changes_nothing_and_keeps_the_data()
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        await PostgresSchema.MigrateAsync(dataSource, CancellationToken.None);
        await new PostgresStorage(dataSource).WriteAsync(new Dictionary<string, object> { ["kept"] = new Dictionary<string, object> { ["n"] = 1L } });

        var applied = await PostgresSchema.MigrateAsync(dataSource, CancellationToken.None);

        Assert.Equal(0, applied);
        Assert.Single(await new PostgresStorage(dataSource).ReadAsync(["kept"]));
    }

    [Fact]
    public async Task A_database_from_a_newer_build_is_refused_with_a_clear_message()
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        await PostgresSchema.MigrateAsync(dataSource, CancellationToken.None);
        await using (var bump = dataSource.CreateCommand("UPDATE faqbot_schema SET version = version + 1;"))
        {
            await bump.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresSchema.MigrateAsync(dataSource, CancellationToken.None));

        Assert.Contains("newer than this build", error.Message, StringComparison.Ordinal);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
