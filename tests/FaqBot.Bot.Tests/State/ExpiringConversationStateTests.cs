using FaqBot.Bot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FaqBot.Bot.Tests.State;

public sealed class ExpiringConversationStateTests
{
    private readonly ExpiringMemoryStorage _storage = new(
        new ExpiringStorageOptions { IdleTimeout = TimeSpan.FromMinutes(30), MaxEntries = 100 },
        new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero)));

    [Fact]
    public async Task Bot_Builder_caches_conversation_state_under_the_key_the_lean_state_writes_to()
    {
        // ExpiringConversationState relies on this private detail of BotState; if an upgrade moves it, this fails first.
        var state = new ConversationState(new MemoryStorage());
        using var turn = Turn("pinned");

        await state.LoadAsync(turn);

        Assert.Equal("ConversationState", ExpiringConversationState.TurnStateKey);
        Assert.Same(state.GetCachedState(turn), turn.TurnState.Get<object>(ExpiringConversationState.TurnStateKey));
    }

    [Fact]
    public async Task A_property_set_in_one_turn_is_read_back_in_the_next()
    {
        var state = new ExpiringConversationState(_storage);
        var note = state.CreateProperty<Note>("note");

        using (var first = Turn("c1"))
        {
            (await note.GetAsync(first, () => new Note())).Text = "remembered";
            await state.SaveChangesAsync(first);
        }

        using var second = Turn("c1");
        Assert.Equal("remembered", (await note.GetAsync(second, () => new Note())).Text);
    }

    [Fact]
    public async Task Conversations_keep_their_own_state()
    {
        var state = new ExpiringConversationState(_storage);
        var note = state.CreateProperty<Note>("note");
        foreach (var id in new[] { "c1", "c2" })
        {
            using var turn = Turn(id);
            (await note.GetAsync(turn, () => new Note())).Text = "from " + id;
            await state.SaveChangesAsync(turn);
        }

        using var again = Turn("c1");
        Assert.Equal("from c1", (await note.GetAsync(again, () => new Note())).Text);
    }

    [Fact]
    public async Task A_turn_that_never_loads_state_writes_nothing()
    {
        var state = new ExpiringConversationState(_storage);
        using var turn = Turn("untouched");

        await state.SaveChangesAsync(turn);

        Assert.Equal(0, _storage.Count);
    }

    [Fact]
    public async Task Clearing_state_and_saving_forgets_the_conversation()
    {
        // BotState compares hashes, so a clear followed by no other change would save nothing and keep the old state.
        var state = new ExpiringConversationState(_storage);
        var note = state.CreateProperty<Note>("note");
        using (var first = Turn("c1"))
        {
            (await note.GetAsync(first, () => new Note())).Text = "old";
            await state.SaveChangesAsync(first);
        }

        using (var restart = Turn("c1"))
        {
            await state.LoadAsync(restart);
            await state.ClearStateAsync(restart);
            await state.SaveChangesAsync(restart);
        }

        using var after = Turn("c1");
        Assert.Null((await note.GetAsync(after, () => new Note())).Text);
    }

    [Fact]
    public async Task A_forced_load_rereads_storage_and_drops_unsaved_changes()
    {
        var state = new ExpiringConversationState(_storage);
        var note = state.CreateProperty<Note>("note");
        using var turn = Turn("c1");
        (await note.GetAsync(turn, () => new Note())).Text = "unsaved";

        await state.LoadAsync(turn, force: true);

        Assert.Null((await note.GetAsync(turn, () => new Note())).Text);
    }

    [Fact]
    public async Task State_stored_as_a_JSON_object_is_read_like_BotState_reads_it()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["test/conversations/c1"] = new JObject { ["count"] = 3 } });
        var state = new ExpiringConversationState(_storage);
        using var turn = Turn("c1");

        var count = await state.CreateProperty<long>("count").GetAsync(turn, () => 0);

        Assert.Equal(3, count);
    }

    [Fact]
    public async Task State_of_the_wrong_shape_in_storage_is_refused_with_the_key_named()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["test/conversations/c1"] = new Note { Text = "not a property bag" } });
        var state = new ExpiringConversationState(_storage);
        using var turn = Turn("c1");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => state.LoadAsync(turn));

        Assert.Contains("'test/conversations/c1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a dictionary", error.Message, StringComparison.Ordinal);
    }

    private static TurnContext Turn(string conversation) => new(new TestAdapter(), new Activity
    {
        Type = ActivityTypes.Message,
        ChannelId = "test",
        Conversation = new ConversationAccount(id: conversation),
        From = new ChannelAccount("user"),
        Recipient = new ChannelAccount("bot"),
        Text = "hi",
    });

    private sealed class Note
    {
        public string? Text { get; set; }
    }
}
