using FaqBot.Web.Hosting;
using FaqBot.Web.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Tests.Hosting;

public sealed class ExpiringMemoryStorageTests
{
    private readonly ManualTimeProvider _time = new();

    private ExpiringMemoryStorage Storage(int maxEntries = 1000) =>
        new(_time, Options.Create(new StateOptions { IdleTimeout = TimeSpan.FromHours(1), MaxEntries = maxEntries }));

    private static Dictionary<string, object> Entry(string key) => new() { [key] = new Dictionary<string, object> { ["stage"] = "Idle" } };

    [Fact]
    public async Task State_idle_past_the_timeout_is_swept_and_recent_state_is_kept()
    {
        var storage = Storage();
        await storage.WriteAsync(Entry("directline/conversations/old"));
        _time.Advance(TimeSpan.FromMinutes(40));
        await storage.WriteAsync(Entry("directline/conversations/recent"));
        _time.Advance(TimeSpan.FromMinutes(30));

        var dropped = await storage.RemoveIdleAsync(CancellationToken.None);

        Assert.Equal(1, dropped);
        Assert.Empty(await storage.ReadAsync(["directline/conversations/old"]));
        Assert.Single(await storage.ReadAsync(["directline/conversations/recent"]));
    }

    [Fact]
    public async Task Reading_state_counts_as_use()
    {
        var storage = Storage();
        await storage.WriteAsync(Entry("k"));
        _time.Advance(TimeSpan.FromMinutes(50));
        await storage.ReadAsync(["k"]);
        _time.Advance(TimeSpan.FromMinutes(50));

        await storage.RemoveIdleAsync(CancellationToken.None);

        Assert.Single(await storage.ReadAsync(["k"]));
    }

    [Fact]
    public async Task Beyond_the_entry_limit_the_least_recently_used_state_goes_first()
    {
        var storage = Storage(maxEntries: 100);
        for (var i = 0; i < 101; i++)
        {
            await storage.WriteAsync(Entry("k" + i));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(100, storage.Count);
        Assert.Empty(await storage.ReadAsync(["k0"]));
        Assert.Single(await storage.ReadAsync(["k100"]));
    }

    [Fact]
    public void The_host_gives_the_bot_the_bounded_storage()
    {
        using var factory = new FaqBotWebFactory();

        var storage = factory.Services.GetRequiredService<IStorage>();

        Assert.IsType<ExpiringMemoryStorage>(storage);
    }
}
