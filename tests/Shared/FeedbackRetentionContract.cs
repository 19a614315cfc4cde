using FaqBot.Bot.Feedback;

namespace FaqBot.Testing;

/// <summary>
/// What every feedback store does to bound what anonymous traffic can store (<see cref="FeedbackRetention"/>): a rate per
/// conversation, a repeated question stored once within the repeat window, and retention by row count and age.
/// </summary>
public abstract class FeedbackRetentionContract
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A store over an empty feedback table, with these limits.</summary>
    protected abstract IFeedbackStore CreateStore(FeedbackRetention retention);

    /// <summary>How many rows the store's table holds.</summary>
    protected abstract Task<long> RowCountAsync();

    /// <summary>What review lists for every kind, up to 100 questions.</summary>
    protected abstract Task<IReadOnlyList<FeedbackReviewItem>> ReviewAllAsync();

    [Fact]
    public async Task A_conversation_stores_at_most_its_rate_per_minute_and_others_are_not_held_back()
    {
        var store = CreateStore(new FeedbackRetention { MaxPerConversationPerMinute = 10 });
        using var lifetime = store as IDisposable;

        var flood = new List<FeedbackRecorded>();
        for (var i = 0; i < 25; i++)
        {
            flood.Add(await store.RecordAsync(Event($"flood {i}", FeedbackKind.Declined, Start.AddSeconds(i)), CancellationToken.None));
        }

        Assert.Equal([.. Enumerable.Repeat(FeedbackRecorded.Stored, 10), .. Enumerable.Repeat(FeedbackRecorded.RateLimited, 15)], flood);
        Assert.Equal(FeedbackRecorded.Stored, await store.RecordAsync(Event("someone else", FeedbackKind.Declined, Start.AddSeconds(30), conversation: "conversation-2"), CancellationToken.None));
        Assert.Equal(FeedbackRecorded.Stored, await store.RecordAsync(Event("a minute later", FeedbackKind.Declined, Start.AddSeconds(70)), CancellationToken.None));
        Assert.Equal(12, await RowCountAsync());
    }

    [Fact]
    public async Task The_same_question_repeated_in_a_conversation_is_stored_once_within_the_repeat_window()
    {
        var store = CreateStore(new FeedbackRetention { RepeatWindow = TimeSpan.FromHours(1) });
        using var lifetime = store as IDisposable;

        var results = new List<FeedbackRecorded>();
        foreach (var (question, minutes) in new[] { ("Is steaming safe?", 0), ("is STEAMING safe", 1), ("Is steaming safe??", 59) })
        {
            results.Add(await store.RecordAsync(Event(question, FeedbackKind.Unhelpful, Start.AddMinutes(minutes), "e2"), CancellationToken.None));
        }

        Assert.Equal([FeedbackRecorded.Stored, FeedbackRecorded.Repeat, FeedbackRecorded.Repeat], results);

        // Another kind, another entry, another conversation or after the window: stored.
        Assert.Equal(FeedbackRecorded.Stored, await store.RecordAsync(Event("Is steaming safe?", FeedbackKind.Declined, Start.AddMinutes(2), "e2"), CancellationToken.None));
        Assert.Equal(FeedbackRecorded.Stored, await store.RecordAsync(Event("Is steaming safe?", FeedbackKind.Unhelpful, Start.AddMinutes(3), "e9"), CancellationToken.None));
        Assert.Equal(FeedbackRecorded.Stored, await store.RecordAsync(Event("Is steaming safe?", FeedbackKind.Unhelpful, Start.AddMinutes(4), "e2", "conversation-2"), CancellationToken.None));
        Assert.Equal(FeedbackRecorded.Stored, await store.RecordAsync(Event("Is steaming safe?", FeedbackKind.Unhelpful, Start.AddMinutes(61), "e2"), CancellationToken.None));
        Assert.Equal(5, await RowCountAsync());
    }

    [Fact]
    public async Task Retention_keeps_the_newest_rows_up_to_the_cap_and_drops_rows_past_the_age()
    {
        var store = CreateStore(new FeedbackRetention { MaxRows = 5, MaxAge = TimeSpan.FromDays(30) });
        using var lifetime = store as IDisposable;
        for (var i = 0; i < 40; i++)
        {
            await store.RecordAsync(Event($"question {i}", FeedbackKind.Declined, Start.AddSeconds(i), conversation: $"c{i}"), CancellationToken.None);
        }

        var items = await ReviewAllAsync();
        Assert.Equal(["question 35", "question 36", "question 37", "question 38", "question 39"], items.Select(i => i.Question).Order());

        await store.RecordAsync(Event("a month on", FeedbackKind.Declined, Start.AddDays(31)), CancellationToken.None);
        items = await ReviewAllAsync();
        Assert.Equal("a month on", Assert.Single(items).Question);
    }

    private static FeedbackEvent Event(string question, FeedbackKind kind, DateTimeOffset time, string? entry = null, string conversation = "conversation-1") =>
        new(time, "directline", conversation, question, entry, 0.5f, kind);
}
