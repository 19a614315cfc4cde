using System.Data;
using FaqBot.Bot.Dialog;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace FaqBot.Testing;

/// <summary>
/// What every FaqBot <see cref="IStorage"/> must do, as Bot Builder's storages do: items read back as their own types,
/// ETags on <see cref="IStoreItem"/>s (<c>*</c> or none: the write wins; stale: a concurrency error, nothing written),
/// last write wins for other values, and stock <see cref="ConversationState"/> keeps what a turn changed.
/// </summary>
public abstract class StorageContract
{
    /// <summary>The storage under test, empty or with keys no other test uses.</summary>
    protected abstract IStorage Storage { get; }

    private static string NewKey() => "emulator/conversations/" + Guid.NewGuid().ToString("n");

    [Fact]
    public async Task Reading_keys_never_written_returns_nothing()
    {
        var items = await Storage.ReadAsync([NewKey(), NewKey()]);

        Assert.Empty(items);
    }

    [Fact]
    public async Task A_written_item_reads_back_as_its_own_type_with_an_etag()
    {
        var key = NewKey();
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new CountItem { Count = 1, Names = ["a", "b"] } });

        var item = Assert.IsType<CountItem>((await Storage.ReadAsync([key]))[key]);

        Assert.Equal(1, item.Count);
        Assert.Equal(["a", "b"], item.Names);
        Assert.False(string.IsNullOrEmpty(item.ETag));
    }

    [Fact]
    public async Task Writing_back_with_the_etag_it_was_read_with_succeeds_and_changes_the_etag()
    {
        var key = NewKey();
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new CountItem { Count = 1 } });
        var read = (CountItem)(await Storage.ReadAsync([key]))[key];

        read.Count = 2;
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = read });

        var reread = (CountItem)(await Storage.ReadAsync([key]))[key];
        Assert.Equal(2, reread.Count);
        Assert.NotEqual(read.ETag, reread.ETag);
    }

    [Fact]
    public async Task A_stale_etag_is_a_concurrency_error_and_nothing_of_its_batch_is_written()
    {
        var key = NewKey();
        var other = NewKey();
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new CountItem { Count = 1 } });
        var first = (CountItem)(await Storage.ReadAsync([key]))[key];
        var second = (CountItem)(await Storage.ReadAsync([key]))[key];
        second.Count = 20;
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = second });

        first.Count = 10;
        var error = await Assert.ThrowsAsync<DBConcurrencyException>(() =>
            Storage.WriteAsync(new Dictionary<string, object> { [other] = new CountItem { Count = 5 }, [key] = first }));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        var items = await Storage.ReadAsync([key, other]);
        Assert.Equal(20, ((CountItem)items[key]).Count);
        Assert.False(items.ContainsKey(other));
    }

    [Theory]
    [InlineData("*")]
    [InlineData(null)]
    public async Task A_wildcard_or_missing_etag_overwrites_whatever_is_stored(string? eTag)
    {
        var key = NewKey();
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new CountItem { Count = 1 } });
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new CountItem { Count = 2 } });

        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new CountItem { Count = 3, ETag = eTag } });

        Assert.Equal(3, ((CountItem)(await Storage.ReadAsync([key]))[key]).Count);
    }

    [Fact]
    public async Task An_empty_etag_is_refused()
    {
        var key = NewKey();
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new CountItem { Count = 1 } });

        await Assert.ThrowsAsync<ArgumentException>(() =>
            Storage.WriteAsync(new Dictionary<string, object> { [key] = new CountItem { Count = 2, ETag = "" } }));
    }

    [Fact]
    public async Task Values_without_an_etag_are_last_write_wins()
    {
        var key = NewKey();
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new Dictionary<string, object> { ["n"] = 1L } });
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new Dictionary<string, object> { ["n"] = 2L } });

        var value = Assert.IsType<Dictionary<string, object>>((await Storage.ReadAsync([key]))[key]);

        Assert.Equal(2L, value["n"]);
    }

    [Fact]
    public async Task Deleting_removes_the_keys_and_deleting_unknown_keys_is_harmless()
    {
        var key = NewKey();
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new CountItem { Count = 1 } });

        await Storage.DeleteAsync([key, NewKey()]);

        Assert.Empty(await Storage.ReadAsync([key]));
    }

    [Fact]
    public async Task Keys_with_any_characters_are_kept_apart()
    {
        var keys = new[] { "!@#$%^&*()~/\\><,.?';\"`~" + Guid.NewGuid(), "msteams/conversations/19:abc@thread.tacv2;messageid=1" + Guid.NewGuid(), "ключ 🧼 " + Guid.NewGuid() };
        await Storage.WriteAsync(keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => (object)new CountItem { Count = p.i }));

        var items = await Storage.ReadAsync(keys);

        Assert.Equal([0, 1, 2], keys.Select(k => ((CountItem)items[k]).Count));
    }

    [Fact]
    public async Task Conversation_state_keeps_what_a_turn_changed_on_the_object_it_read()
    {
        var state = new ConversationState(Storage);
        var data = state.CreateProperty<FaqConversationData>(nameof(FaqConversationData));
        var conversation = Guid.NewGuid().ToString("n");

        var first = Turn(conversation);
        (await data.GetAsync(first, () => new FaqConversationData())).PendingQuestion = "how often?";
        await state.SaveChangesAsync(first);

        // A later turn loads the state from the storage and changes the object it got, as FaqDialog does.
        var second = Turn(conversation);
        (await data.GetAsync(second, () => new FaqConversationData())).GreetedUserIds.Add("user-1");
        await state.SaveChangesAsync(second);

        var next = await data.GetAsync(Turn(conversation), () => new FaqConversationData());
        Assert.Equal("how often?", next.PendingQuestion);
        Assert.Equal(["user-1"], next.GreetedUserIds);
    }

    private static TurnContext Turn(string conversation) => new(new TestAdapter(), new Activity
    {
        Type = ActivityTypes.Message,
        ChannelId = "emulator",
        Conversation = new ConversationAccount(id: conversation),
        From = new ChannelAccount("user-1"),
        Recipient = new ChannelAccount("bot-1"),
    });

    /// <summary>A store item as Bot Builder's own storage tests use.</summary>
    public sealed class CountItem : IStoreItem
    {
        public int Count { get; set; }

        public List<string> Names { get; set; } = [];

        public string? ETag { get; set; }
    }
}
