using System.Text;
using System.Text.Json.Nodes;
using FaqBot.Bot.DirectLine;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.Testing;

/// <summary>
/// What every <see cref="IDirectLineStore"/> must do, in memory and in PostgreSQL: conversations created once, ids
/// numbered in order per conversation, history read after a watermark and kept within its count and byte budgets
/// (oldest dropped, newest kept), members, replace and remove, idle expiry, and the change signal streams wait on.
/// </summary>
public abstract class DirectLineStoreContract
{
    /// <summary>The limits of <see cref="CreateStore"/>'s store unless a test says otherwise.</summary>
    protected static readonly DirectLineLimits Limits = new(TimeSpan.FromMinutes(60), 50, 64 * 1024, 1000, 16L * 1024 * 1024);

    /// <summary>The clock the stores are given.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));

    /// <summary>A store with these limits on <see cref="Time"/>, sharing nothing with other tests' conversations.</summary>
    protected abstract IDirectLineStore CreateStore(DirectLineLimits limits);

    private static string NewConversationId() => Guid.NewGuid().ToString("n");

    private static Activity Message(string text) => new(ActivityTypes.Message)
    {
        Text = text,
        From = new ChannelAccount("user-1", "You", RoleTypes.User),
    };

    private static List<string> Texts(DirectLineActivitySet set) =>
        [.. set.Activities.Select(json => JsonNode.Parse(json)!["text"]!.GetValue<string>())];

    [Fact]
    public async Task A_conversation_is_created_once_and_then_exists()
    {
        var store = CreateStore(Limits);
        var id = NewConversationId();

        var unknown = await store.ExistsAsync(id, default);
        var created = await store.CreateAsync(id, default);
        var again = await store.CreateAsync(id, default);

        Assert.False(unknown);
        Assert.True(created);
        Assert.False(again);
        Assert.True(await store.ExistsAsync(id, default));
        Assert.Null(await store.GetSinceAsync(NewConversationId(), 0, default));
    }

    [Fact]
    public async Task Activities_get_ids_in_order_and_read_back_after_a_watermark()
    {
        var store = CreateStore(Limits);
        var id = NewConversationId();
        await store.CreateAsync(id, default);

        var ids = new List<string?>();
        foreach (var text in new[] { "one", "two", "three" })
        {
            ids.Add(await store.AppendAsync(id, Message(text), default));
        }

        var all = await store.GetSinceAsync(id, 0, default);
        var newer = await store.GetSinceAsync(id, 1, default);
        var none = await store.GetSinceAsync(id, 3, default);
        Assert.Equal([id + "|0000001", id + "|0000002", id + "|0000003"], ids);
        Assert.Equal(["one", "two", "three"], Texts(all!));
        Assert.Equal(ids[0], JsonNode.Parse(all!.Activities[0])!["id"]!.GetValue<string>());
        Assert.Equal(["two", "three"], Texts(newer!));
        Assert.Equal(3, newer!.Watermark);
        Assert.Empty(none!.Activities);
        Assert.Equal(3, none.Watermark);
    }

    [Fact]
    public async Task Appending_to_a_conversation_that_does_not_exist_stores_nothing()
    {
        var store = CreateStore(Limits);
        var id = NewConversationId();

        var appended = await store.AppendAsync(id, Message("lost"), default);

        Assert.Null(appended);
        Assert.False(await store.ExistsAsync(id, default));
    }

    [Fact]
    public async Task Appends_racing_in_one_conversation_get_distinct_consecutive_ids_and_read_back_in_order()
    {
        var store = CreateStore(Limits);
        var id = NewConversationId();
        await store.CreateAsync(id, default);

        var ids = await Task.WhenAll(Enumerable.Range(1, 40).Select(i => Task.Run(() => store.AppendAsync(id, Message("m" + i), default))));

        var set = await store.GetSinceAsync(id, 0, default);
        Assert.Equal(Enumerable.Range(1, 40).Select(n => DirectLineLimits.ActivityId(id, n)).Order(), ids.Order());
        Assert.Equal(40, set!.Watermark);
        Assert.Equal(
            Enumerable.Range(1, 40).Select(n => DirectLineLimits.ActivityId(id, n)),
            set.Activities.Select(json => JsonNode.Parse(json)!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task History_keeps_the_newest_activities_within_the_byte_budget()
    {
        var store = CreateStore(Limits with { MaxBytesPerConversation = 20_000 });
        var id = NewConversationId();
        await store.CreateAsync(id, default);

        for (var i = 1; i <= 30; i++)
        {
            await store.AppendAsync(id, Message(i.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + new string('x', 3_000)), default);
        }

        var kept = (await store.GetSinceAsync(id, 0, default))!;
        var bytes = kept.Activities.Sum(json => Encoding.UTF8.GetByteCount(json));
        var numbers = Texts(kept).Select(text => int.Parse(text[..2], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.InRange(bytes, 20_000 - 3_200, 20_000);
        Assert.Equal(Enumerable.Range(31 - numbers.Count, numbers.Count), numbers);
        Assert.Equal(30, kept.Watermark);
    }

    [Fact]
    public async Task An_activity_larger_than_the_byte_budget_is_kept_alone_as_the_newest()
    {
        var store = CreateStore(Limits with { MaxBytesPerConversation = 20_000 });
        var id = NewConversationId();
        await store.CreateAsync(id, default);
        await store.AppendAsync(id, Message("small"), default);

        await store.AppendAsync(id, Message("big" + new string('y', 30_000)), default);

        var kept = (await store.GetSinceAsync(id, 0, default))!;
        Assert.StartsWith("big", Assert.Single(Texts(kept)), StringComparison.Ordinal);
        Assert.Equal(2, kept.Watermark);
    }

    [Fact]
    public async Task History_keeps_at_most_the_configured_number_of_activities()
    {
        var store = CreateStore(Limits with { MaxActivitiesPerConversation = 10 });
        var id = NewConversationId();
        await store.CreateAsync(id, default);

        for (var i = 1; i <= 13; i++)
        {
            await store.AppendAsync(id, Message("m" + i), default);
        }

        var kept = (await store.GetSinceAsync(id, 0, default))!;
        Assert.Equal(Enumerable.Range(4, 10).Select(i => "m" + i), Texts(kept));
    }

    [Fact]
    public async Task A_user_is_a_new_member_only_the_first_time_whatever_the_length_of_their_id()
    {
        var store = CreateStore(Limits);
        var id = NewConversationId();
        await store.CreateAsync(id, default);
        var longId = new string('u', 250_000);

        var first = await store.AddMemberAsync(id, "user-1", default);
        var again = await store.AddMemberAsync(id, "user-1", default);
        var other = await store.AddMemberAsync(id, longId, default);
        var otherAgain = await store.AddMemberAsync(id, longId, default);
        var elsewhere = await store.AddMemberAsync(NewConversationId(), "user-1", default);

        Assert.Equal([true, false, true, false, false], new[] { first, again, other, otherAgain, elsewhere });
    }

    [Fact]
    public async Task A_replaced_activity_moves_past_the_watermark_and_a_removed_one_is_gone()
    {
        var store = CreateStore(Limits);
        var id = NewConversationId();
        await store.CreateAsync(id, default);
        var first = await store.AppendAsync(id, Message("draft"), default);
        var second = await store.AppendAsync(id, Message("second"), default);

        var replaced = await store.ReplaceAsync(id, new Activity(ActivityTypes.Message) { Id = first, Text = "final" }, default);
        var unknown = await store.ReplaceAsync(id, new Activity(ActivityTypes.Message) { Id = id + "|9999999", Text = "x" }, default);
        var afterReplace = await store.GetSinceAsync(id, 2, default);
        var removed = await store.RemoveAsync(id, second!, default);
        var removedAgain = await store.RemoveAsync(id, second!, default);

        Assert.True(replaced);
        Assert.False(unknown);
        Assert.Equal(["final"], Texts(afterReplace!));
        Assert.Equal(3, afterReplace!.Watermark);
        Assert.True(removed);
        Assert.False(removedAgain);
        Assert.Equal(["final"], Texts((await store.GetSinceAsync(id, 0, default))!));
    }

    [Fact]
    public async Task An_idle_conversation_reads_as_unknown_and_a_touched_one_lives_on()
    {
        var store = CreateStore(Limits);
        var idle = NewConversationId();
        var used = NewConversationId();
        await store.CreateAsync(idle, default);
        await store.CreateAsync(used, default);

        Time.Advance(TimeSpan.FromMinutes(50));
        await store.TouchAsync(used, default);
        Time.Advance(TimeSpan.FromMinutes(15));
        await store.RemoveIdleAsync(default);

        Assert.False(await store.ExistsAsync(idle, default));
        Assert.Null(await store.GetSinceAsync(idle, 0, default));
        Assert.Null(await store.AppendAsync(idle, Message("too late"), default));
        Assert.True(await store.ExistsAsync(used, default));
    }

    [Fact]
    public async Task The_change_signal_completes_when_an_activity_is_appended()
    {
        var store = CreateStore(Limits);
        var id = NewConversationId();
        await store.CreateAsync(id, default);
        var changed = store.NextChange(id);
        var before = changed.IsCompleted;

        await store.AppendAsync(id, Message("wake up"), default);

        // The timeout only turns a hang into a failure; the append completes the signal before it returns.
        await changed.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(before);
    }

    [Fact]
    public async Task The_signing_key_is_256_bits_and_stays_the_same()
    {
        var store = CreateStore(Limits);

        var first = await store.GetSigningKeyAsync(default);
        var second = await store.GetSigningKeyAsync(default);

        Assert.Equal(32, first.Length);
        Assert.Equal(first, second);
    }
}
