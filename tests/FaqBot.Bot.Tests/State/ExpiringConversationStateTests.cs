using System.Buffers;
using System.Text;
using FaqBot.Bot.Dialog;
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

        await SaveNoteAsync(state, note, "c1", "remembered");

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
            await SaveNoteAsync(state, note, id, "from " + id);
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
        await SaveNoteAsync(state, note, "c1", "old");

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

    [Fact]
    public async Task The_dialogs_data_is_kept_as_typed_JSON_without_type_names_and_read_back_whole()
    {
        var state = new ExpiringConversationState(_storage, [FaqConversationDataJson.Default.FaqConversationData]);
        var data = state.CreateProperty<FaqConversationData>(nameof(FaqConversationData));
        using (var first = Turn("c1"))
        {
            var written = await data.GetAsync(first, () => new FaqConversationData());
            written.Stage = DialogStage.Clarifying;
            written.PendingQuestion = "masks caf\u00e9 \"clay\"?";
            written.Candidates = [new("entry-a", "Which clays?", 0.41f, "Kaolin and bentonite.", "Masks", null), new("entry-b", "How long?", 0.37f, "Ten minutes.", "Steam", "https://example.com/#steam")];
            written.LastAnswer = new AnsweredQuestion("which clays", "entry-a", 0.83f, Rated: true);
            written.GreetedUserIds = ["u1", "u2"];
            await state.SaveChangesAsync(first);
        }

        var stored = new ArrayBufferWriter<byte>();
        Assert.Equal(StoredJson.Json, _storage.ReadJson("test/conversations/c1", stored));
        Assert.DoesNotContain("$type", Encoding.UTF8.GetString(stored.WrittenSpan), StringComparison.Ordinal);

        using var second = Turn("c1");
        var read = await data.GetAsync(second, () => new FaqConversationData());
        Assert.Equal(DialogStage.Clarifying, read.Stage);
        Assert.Equal("masks caf\u00e9 \"clay\"?", read.PendingQuestion);
        Assert.Equal([new("entry-a", "Which clays?", 0.41f, "Kaolin and bentonite.", "Masks", null), new("entry-b", "How long?", 0.37f, "Ten minutes.", "Steam", "https://example.com/#steam")], read.Candidates);
        Assert.Equal(new AnsweredQuestion("which clays", "entry-a", 0.83f, Rated: true), read.LastAnswer);
        Assert.Equal(["u1", "u2"], read.GreetedUserIds);
    }

    [Fact]
    public async Task A_value_of_a_type_not_named_for_JSON_takes_the_storages_object_path_and_reads_back_as_its_type()
    {
        var state = new ExpiringConversationState(_storage, [FaqConversationDataJson.Default.FaqConversationData]);
        var note = state.CreateProperty<Note>("note");
        await SaveNoteAsync(state, note, "c1", "by object");

        Assert.Equal(StoredJson.Object, _storage.ReadJson("test/conversations/c1", new ArrayBufferWriter<byte>()));
        using var second = Turn("c1");
        Assert.Equal("by object", (await note.GetAsync(second, () => new Note())).Text);
    }

    [Fact]
    public async Task Typed_JSON_is_readable_by_Bot_Builders_own_ConversationState_and_by_another_instance()
    {
        var writer = new ExpiringConversationState(_storage, [FaqConversationDataJson.Default.FaqConversationData]);
        using (var first = Turn("c1"))
        {
            var written = await writer.CreateProperty<FaqConversationData>("data").GetAsync(first, () => new FaqConversationData());
            written.LastAnswer = new AnsweredQuestion("q", "entry-a", 0.5f, Rated: false);
            await writer.SaveChangesAsync(first);
        }

        foreach (var reader in new ConversationState[] { new(_storage), new ExpiringConversationState(_storage, [FaqConversationDataJson.Default.FaqConversationData]) })
        {
            using var turn = Turn("c1");
            var read = await reader.CreateProperty<FaqConversationData>("data").GetAsync(turn, () => new FaqConversationData());
            Assert.Equal("entry-a", read.LastAnswer?.EntryId);
        }
    }

    // One turn of the conversation that sets the note's text and saves the state.
    private static async Task SaveNoteAsync(ConversationState state, IStatePropertyAccessor<Note> note, string conversation, string text)
    {
        using var turn = Turn(conversation);
        (await note.GetAsync(turn, () => new Note())).Text = text;
        await state.SaveChangesAsync(turn);
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
