using System.Buffers;
using System.Text;
using FaqBot.Bot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FaqBot.Bot.Tests.State;

public sealed class ExpiringMemoryStorageTests
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Written_items_read_back_as_copies_the_caller_cannot_change_in_place()
    {
        var storage = Create();
        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = new Note { Text = "first" } });

        var read = Assert.IsType<Note>((await storage.ReadAsync(["a", "missing"]))["a"]);
        read.Text = "edited without a write";

        var again = Assert.IsType<Note>((await storage.ReadAsync(["a"]))["a"]);
        Assert.Equal("first", again.Text);
        Assert.False((await storage.ReadAsync(["missing"])).ContainsKey("missing"));
    }

    [Fact]
    public async Task State_reads_back_as_the_types_written_like_MemoryStorage()
    {
        var storage = Create();
        var memory = new MemoryStorage();
        var state = new Dictionary<string, object> { ["data"] = new Note { Text = "typed" } };
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = state });
        await memory.WriteAsync(new Dictionary<string, object> { ["k"] = state }, CancellationToken.None);

        var ours = Assert.IsAssignableFrom<IDictionary<string, object>>((await storage.ReadAsync(["k"]))["k"]);
        var theirs = Assert.IsAssignableFrom<IDictionary<string, object>>((await memory.ReadAsync(["k"], CancellationToken.None))["k"]);

        Assert.Equal(theirs["data"].GetType(), ours["data"].GetType());
        Assert.Equal("typed", Assert.IsType<Note>(ours["data"]).Text);
    }

    [Fact]
    public async Task A_key_idle_past_the_timeout_expires_and_one_used_within_it_stays()
    {
        var storage = Create(idle: TimeSpan.FromMinutes(30));
        await storage.WriteAsync(new Dictionary<string, object> { ["idle"] = new Note(), ["busy"] = new Note() });

        _clock.Advance(TimeSpan.FromMinutes(20));
        await storage.ReadAsync(["busy"]);
        _clock.Advance(TimeSpan.FromMinutes(15));

        var items = await storage.ReadAsync(["idle", "busy"]);
        Assert.False(items.ContainsKey("idle"));
        Assert.True(items.ContainsKey("busy"));
        Assert.Equal(1, storage.Count);
        Assert.Equal(1, storage.Expired);
    }

    [Fact]
    public async Task Past_the_cap_the_least_recently_used_key_is_evicted()
    {
        var storage = Create(maxEntries: 3);
        foreach (var key in new[] { "a", "b", "c" })
        {
            await storage.WriteAsync(new Dictionary<string, object> { [key] = new Note { Text = key } });
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        await storage.ReadAsync(["a"]);
        await storage.WriteAsync(new Dictionary<string, object> { ["d"] = new Note() });

        var items = await storage.ReadAsync(["a", "b", "c", "d"]);
        Assert.Equal(["a", "c", "d"], items.Keys.Order());
        Assert.Equal(1, storage.Evicted);
    }

    [Fact]
    public async Task A_stale_eTag_is_rejected_and_the_whole_batch_is_left_unwritten()
    {
        var storage = Create();
        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = new Note { Text = "v1", ETag = "*" } });
        var eTag = ((Note)(await storage.ReadAsync(["a"]))["a"]).ETag;
        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = new Note { Text = "v2", ETag = eTag } });

        var stale = new Dictionary<string, object> { ["b"] = new Note { Text = "new" }, ["a"] = new Note { Text = "v3", ETag = eTag } };
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => storage.WriteAsync(stale));

        Assert.Contains("Etag conflict", error.Message, StringComparison.Ordinal);
        var items = await storage.ReadAsync(["a", "b"]);
        Assert.Equal("v2", ((Note)items["a"]).Text);
        Assert.False(items.ContainsKey("b"));
    }

    [Fact]
    public async Task The_wildcard_eTag_always_overwrites()
    {
        var storage = Create();
        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = new Note { Text = "v1", ETag = "*" } });
        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = new Note { Text = "v2", ETag = "*" } });

        Assert.Equal("v2", ((Note)(await storage.ReadAsync(["a"]))["a"]).Text);
    }

    [Fact]
    public async Task An_owners_JSON_reads_back_byte_for_byte_and_as_a_JSON_object_through_the_storage_interface()
    {
        var storage = Create();
        storage.WriteJson("a", """{"data":{"Text":"caf\u00e9"}}"""u8);

        var copy = new ArrayBufferWriter<byte>();
        Assert.Equal(StoredJson.Json, storage.ReadJson("a", copy));
        Assert.Equal("""{"data":{"Text":"caf\u00e9"}}""", Encoding.UTF8.GetString(copy.WrittenSpan));
        var read = Assert.IsType<JObject>((await storage.ReadAsync(["a"]))["a"]);
        Assert.Equal("café", read["data"]?["Text"]?.Value<string>());
    }

    [Fact]
    public async Task ReadJson_tells_a_missing_key_from_one_written_as_an_object_and_copies_neither()
    {
        var storage = Create();
        await storage.WriteAsync(new Dictionary<string, object> { ["object"] = new Note { Text = "typed" } });
        var copy = new ArrayBufferWriter<byte>();

        Assert.Equal(StoredJson.Missing, storage.ReadJson("missing", copy));
        Assert.Equal(StoredJson.Object, storage.ReadJson("object", copy));
        Assert.Equal(0, copy.WrittenCount);
    }

    [Fact]
    public void Keys_written_as_JSON_expire_and_count_like_any_other()
    {
        var storage = Create(idle: TimeSpan.FromMinutes(30), maxEntries: 2);
        storage.WriteJson("idle", "{}"u8);
        _clock.Advance(TimeSpan.FromMinutes(20));
        storage.WriteJson("busy", "{}"u8);
        _clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(StoredJson.Missing, storage.ReadJson("idle", new ArrayBufferWriter<byte>()));
        Assert.Equal(StoredJson.Json, storage.ReadJson("busy", new ArrayBufferWriter<byte>()));
        Assert.Equal(1, storage.Expired);
        storage.WriteJson("b", "{}"u8);
        storage.WriteJson("c", "{}"u8);
        Assert.Equal(2, storage.Count);
        Assert.Equal(1, storage.Evicted);
    }

    [Fact]
    public async Task Deleted_keys_are_gone_and_no_longer_counted()
    {
        var storage = Create();
        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = new Note(), ["b"] = new Note() });

        await storage.DeleteAsync(["a", "never-there"]);

        Assert.Equal(1, storage.Count);
        Assert.False((await storage.ReadAsync(["a"])).ContainsKey("a"));
    }

    [Fact]
    public async Task Conversation_state_on_it_starts_fresh_after_the_conversation_was_idle_too_long()
    {
        var storage = Create(idle: TimeSpan.FromMinutes(30));
        var state = new ConversationState(storage);
        var counter = state.CreateProperty<int>("turns");
        var adapter = new TestAdapter(TestAdapter.CreateConversation("idle-test")).Use(new AutoSaveStateMiddleware(state));

        async Task<int> TurnAsync()
        {
            var seen = 0;
            await adapter.ProcessActivityAsync((Activity)MessageFactory.Text("hi"), async (context, ct) =>
            {
                seen = await counter.GetAsync(context, () => 0, ct) + 1;
                await counter.SetAsync(context, seen, ct);
            }, CancellationToken.None);
            return seen;
        }

        Assert.Equal(1, await TurnAsync());
        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(2, await TurnAsync());
        _clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(1, await TurnAsync());
    }

    [Fact]
    public async Task Parallel_conversations_each_keep_their_own_state_and_the_store_stays_within_its_cap()
    {
        var storage = Create(maxEntries: 500);
        var state = new ConversationState(storage);
        var property = state.CreateProperty<string>("marker");

        await Parallel.ForEachAsync(Enumerable.Range(0, 400), async (i, ct) =>
        {
            var adapter = new TestAdapter(TestAdapter.CreateConversation($"conversation-{i}")).Use(new AutoSaveStateMiddleware(state));
            for (var turn = 0; turn < 3; turn++)
            {
                await adapter.ProcessActivityAsync((Activity)MessageFactory.Text("hi"), async (context, token) =>
                {
                    var marker = await property.GetAsync(context, () => $"conversation-{i}", token);
                    Assert.Equal($"conversation-{i}", marker);
                    await property.SetAsync(context, marker, token);
                }, ct);
            }
        });

        Assert.Equal(400, storage.Count);
        Assert.Equal(0, storage.Evicted);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(-1, 10)]
    [InlineData(60, 0)]
    public void Options_out_of_range_are_refused_with_the_setting_named(int idleSeconds, int maxEntries)
    {
        var options = new ExpiringStorageOptions { IdleTimeout = TimeSpan.FromSeconds(idleSeconds), MaxEntries = maxEntries };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ExpiringMemoryStorage(options, _clock));

        Assert.Contains("Bot:State:", error.Message, StringComparison.Ordinal);
    }

    private ExpiringMemoryStorage Create(TimeSpan? idle = null, int maxEntries = 1000) =>
        new(new ExpiringStorageOptions { IdleTimeout = idle ?? TimeSpan.FromMinutes(30), MaxEntries = maxEntries }, _clock);

    private sealed class Note : IStoreItem
    {
        public string Text { get; set; } = string.Empty;

        public string? ETag { get; set; }
    }
}
