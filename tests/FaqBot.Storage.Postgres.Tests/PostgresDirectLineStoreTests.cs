using System.Text.Json.Nodes;
using FaqBot.Bot.DirectLine;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FaqBot.Storage.Postgres.Tests;

/// <summary>The Direct Line store contract in PostgreSQL, and what two replicas on one database share.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDirectLineStoreTests(PostgresServer server) : DirectLineStoreContract, IAsyncLifetime
{
    private NpgsqlDataSource _dataSource = null!;

    protected override IDirectLineStore CreateStore(DirectLineLimits limits) => new PostgresDirectLineStore(_dataSource, limits, new DirectLineChangeSignals(), Time);

    public async Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        await PostgresSchema.MigrateAsync(_dataSource, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    [Fact]
    public async Task Two_replicas_starting_together_get_the_same_signing_key()
    {
        var keys = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => CreateStore(Limits).GetSigningKeyAsync(default))));

        Assert.All(keys, key => Assert.Equal(keys[0], key));
        Assert.Equal(32, keys[0].Length);
    }

    [Fact]
    public async Task Two_replicas_appending_to_one_conversation_number_its_activities_in_order_without_gaps()
    {
        var (first, second) = (CreateStore(Limits), CreateStore(Limits));
        var id = Guid.NewGuid().ToString("n");
        await first.CreateAsync(id, default);

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).AppendAsync(id, new Activity(ActivityTypes.Message) { Text = "m" + i }, default))));

        var set = (await second.GetSinceAsync(id, 0, default))!;
        var sequences = set.Activities.Select(json => long.Parse(JsonNode.Parse(json)!["id"]!.GetValue<string>().Split('|')[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(1, 30).Select(n => (long)n), sequences);
        Assert.Equal(30, set.Watermark);
    }

    [Fact]
    public async Task A_change_made_through_one_replica_wakes_the_other_replicas_listener()
    {
        var signals = new DirectLineChangeSignals();
        var options = Options.Create(new StorageOptions { Provider = StorageProvider.Postgres });
        await using var services = new ServiceCollection().AddSingleton(_dataSource).BuildServiceProvider();
        using var listener = new PostgresDirectLineListener(options, services, signals, TimeProvider.System, NullLogger<PostgresDirectLineListener>.Instance);
        var writer = CreateStore(Limits);
        var id = Guid.NewGuid().ToString("n");
        await writer.CreateAsync(id, default);

        // The listener wakes everyone once it listens (taken before it starts, so that wake cannot be missed); the signal
        // taken after that is woken only by the notification.
        var listening = signals.Next(id);
        await listener.StartAsync(default);
        await listening.WaitAsync(TimeSpan.FromSeconds(30));
        var changed = signals.Next(id);
        Assert.False(changed.IsCompleted);
        await writer.AppendAsync(id, new Activity(ActivityTypes.Message) { Text = "from the other replica" }, default);

        // Below the listener's 30 s reread, so only the notification can complete it in time; nothing else is timed.
        await changed.WaitAsync(TimeSpan.FromSeconds(20));
        await listener.StopAsync(default);
    }
}
