using System.Text.Json.Nodes;
using FaqBot.Bot.DirectLine;
using FaqBot.Web.DirectLine;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaqBot.Web.Tests.DirectLine;

/// <summary>The Direct Line store contract in this process's memory, and the budget over all its conversations.</summary>
public sealed class MemoryDirectLineStoreTests : DirectLineStoreContract
{
    protected override IDirectLineStore CreateStore(DirectLineLimits limits) => NewStore(limits);

    private MemoryDirectLineStore NewStore(DirectLineLimits limits) => new(Time, limits, NullLogger<MemoryDirectLineStore>.Instance);

    // Issue 17 item 2: 5 conversations x 500 posts of 250 KB took the host from 178 to 1,122 MiB of RSS. The same flood
    // (fewer posts: the budgets are reached after a few) must leave the store holding no more than its budgets, counted
    // in bytes of what it keeps, and each conversation its newest activities.
    [Fact]
    public async Task A_flood_of_large_posts_keeps_each_conversation_and_the_store_within_their_byte_budgets()
    {
        var limits = Limits with { MaxBytesPerConversation = 256 * 1024, MaxBytes = 1024 * 1024 };
        var store = NewStore(limits);
        var conversations = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid().ToString("n")).ToList();
        var post = new string('p', 250 * 1024);
        var newest = new Dictionary<string, string?>();

        foreach (var conversation in conversations)
        {
            await store.CreateAsync(conversation, default);
        }

        for (var round = 0; round < 20; round++)
        {
            foreach (var conversation in conversations)
            {
                Time.Advance(TimeSpan.FromSeconds(1));
                newest[conversation] = await store.AppendAsync(conversation, new Activity(ActivityTypes.Message) { Text = post }, default);
            }
        }

        var kept = new List<DirectLineActivitySet>();
        foreach (var conversation in conversations)
        {
            if (await store.GetSinceAsync(conversation, 0, default) is { } set)
            {
                kept.Add(set);
                Assert.Equal(newest[conversation], JsonNode.Parse(set.Activities[^1])!["id"]!.GetValue<string>());
            }
        }

        var bytesKept = kept.Sum(set => set.Activities.Sum(json => (long)System.Text.Encoding.UTF8.GetByteCount(json)));
        Assert.All(kept, set => Assert.Single(set.Activities));
        Assert.InRange(store.Bytes, 1, limits.MaxBytes);
        Assert.Equal(bytesKept, store.Bytes);
        Assert.Equal(store.Count, kept.Count);
    }

    [Fact]
    public async Task Over_the_store_budget_the_least_recently_used_conversations_make_room()
    {
        var limits = Limits with { MaxBytesPerConversation = 64 * 1024, MaxBytes = 100 * 1024 };
        var store = NewStore(limits);
        var (oldest, used, newest) = (Guid.NewGuid().ToString("n"), Guid.NewGuid().ToString("n"), Guid.NewGuid().ToString("n"));
        var post = new Activity(ActivityTypes.Message) { Text = new string('p', 40 * 1024) };

        await store.CreateAsync(oldest, default);
        await store.AppendAsync(oldest, post, default);
        Time.Advance(TimeSpan.FromSeconds(1));
        await store.CreateAsync(used, default);
        await store.AppendAsync(used, post, default);
        Time.Advance(TimeSpan.FromSeconds(1));
        await store.CreateAsync(newest, default);
        await store.AppendAsync(newest, post, default);

        Assert.False(await store.ExistsAsync(oldest, default));
        Assert.True(await store.ExistsAsync(used, default));
        Assert.True(await store.ExistsAsync(newest, default));
        Assert.InRange(store.Bytes, 80 * 1024, limits.MaxBytes);
    }
}
