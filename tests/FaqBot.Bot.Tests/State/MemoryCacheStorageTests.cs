using FaqBot.Bot.State;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json;

namespace FaqBot.Bot.Tests.State;

public sealed class MemoryCacheStorageTests : StorageContract, IDisposable
{
    private readonly FakeTimeProvider _clock = new();
    private readonly MemoryCacheStorage _storage;

    public MemoryCacheStorageTests() => _storage = Create(TimeSpan.FromMinutes(30), maxEntries: 1000);

    protected override IStorage Storage => _storage;

    [Fact]
    public async Task A_key_idle_past_the_timeout_expires_and_one_still_in_use_stays()
    {
        using var storage = Create(TimeSpan.FromMinutes(30), maxEntries: 100);
        await storage.WriteAsync(new Dictionary<string, object> { ["idle"] = new CountItem(), ["busy"] = new CountItem() });

        _clock.Advance(TimeSpan.FromMinutes(20));
        await storage.ReadAsync(["busy"]);
        _clock.Advance(TimeSpan.FromMinutes(20));

        var items = await storage.ReadAsync(["idle", "busy"]);
        Assert.Equal(["busy"], items.Keys);
    }

    [Fact]
    public async Task The_number_of_keys_never_passes_the_cap()
    {
        using var storage = Create(TimeSpan.FromMinutes(30), maxEntries: 100);

        for (var i = 0; i < 300; i++)
        {
            await storage.WriteAsync(new Dictionary<string, object> { [$"conversation-{i}"] = new CountItem { Count = i } });
            Assert.InRange(storage.Count, 1, 100);
        }
    }

    [Fact]
    public void Stored_text_that_names_a_type_other_than_bot_state_is_refused()
    {
        const string Hostile = """{"$type":"System.IO.FileInfo, System.Private.CoreLib","fileName":"/etc/passwd"}""";

        var error = Assert.Throws<JsonSerializationException>(() => StoredState.FromJson(Hostile, "1"));

        Assert.Contains("not bot state", error.InnerException?.Message, StringComparison.Ordinal);
        Assert.IsType<CountItem>(StoredState.FromJson(StoredState.ToJson(new CountItem()), "1"));
    }

    private MemoryCacheStorage Create(TimeSpan idle, int maxEntries) =>
        new(Options.Create(new StateOptions { IdleTimeout = idle, MaxEntries = maxEntries }), _clock);

    public void Dispose() => _storage.Dispose();
}
