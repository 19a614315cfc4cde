using FaqBot.Bot;
using FaqBot.Bot.Feedback;
using FaqBot.Bot.State;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace FaqBot.Storage.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class StorageRegistrationTests(PostgresServer server) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-storage-wiring-").FullName;

    [Fact]
    public async Task By_default_state_stays_in_memory_and_feedback_goes_to_SQLite()
    {
        using var host = Build([]);
        await host.StartAsync();

        Assert.IsType<MemoryCacheStorage>(host.Services.GetRequiredService<IStorage>());
        Assert.IsType<SqliteFeedbackStore>(host.Services.GetRequiredService<IFeedbackStore>());
        await host.StopAsync();
    }

    [Fact]
    public async Task With_Postgres_the_host_migrates_the_database_at_start_and_keeps_state_and_feedback_there()
    {
        var connectionString = await server.CreateDatabaseAsync();
        using var host = Build(new() { ["Storage:Provider"] = "Postgres", ["ConnectionStrings:FaqBot"] = connectionString });

        await host.StartAsync();

        Assert.IsType<PostgresStorage>(host.Services.GetRequiredService<IStorage>());
        Assert.IsType<PostgresFeedbackStore>(host.Services.GetRequiredService<IFeedbackStore>());
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var version = dataSource.CreateCommand("SELECT version FROM faqbot_schema;");
        Assert.Equal(PostgresSchema.LatestVersion, (int)(await version.ExecuteScalarAsync())!);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("Postgres", null, "ConnectionStrings:FaqBot must be a PostgreSQL connection string")]
    [InlineData("Postgres", "not a connection string", "ConnectionStrings:FaqBot must be a PostgreSQL connection string")]
    [InlineData("Redis", null, "Storage:Provider")]
    public async Task A_bad_storage_setting_stops_the_host_at_start_naming_the_setting(string provider, string? connectionString, string message)
    {
        using var host = Build(new() { ["Storage:Provider"] = provider, ["ConnectionStrings:FaqBot"] = connectionString });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    private IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _folder, Args = [] });
        builder.Configuration.AddInMemoryCollection(settings);
        // Only storage is resolved here, so the bot's answer engine is not registered.
        builder.Services.AddFaqBot();
        builder.Services.AddFaqBotStorage();
        return builder.Build();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
