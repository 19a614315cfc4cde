using FaqBot.Bot.Tests.Fakes;

namespace FaqBot.Bot.Tests.Dialog;

/// <summary>The bot tells users their question was noted only when it is in the feedback store.</summary>
public sealed class FeedbackHonestyTests : IDisposable
{
    private const string Noted = "noted";

    private readonly BotHarness _harness = new();

    [Fact]
    public async Task With_a_data_folder_that_cannot_be_written_no_reply_claims_the_question_was_noted()
    {
        // A file where the data folder should be: as unwritable as a read-only mount, even for root.
        Directory.CreateDirectory(Path.GetDirectoryName(_harness.DataDirectory)!);
        await File.WriteAllTextAsync(_harness.DataDirectory, "not a folder");
        _harness.Fake.Answers("how often?", SeedKnowledge.Id("how-often-should-i-deep-clean-my-pores"), 0.9f);

        await _harness.Flow()
            .Send("How do I replace a tractor clutch?")
            .AssertReply(activity =>
            {
                Assert.StartsWith("Sorry, I can only answer questions about", Replies.Text(activity), StringComparison.Ordinal);
                Assert.DoesNotContain(Noted, Replies.Text(activity), StringComparison.Ordinal);
            })
            .Send("how often?")
            .AssertReply(Replies.Containing("once or twice a week", "Tell me more", "Helpful", "Not helpful"))
            .Send("Not helpful")
            .AssertReply(activity =>
            {
                Assert.Contains("couldn't save your feedback", Replies.Text(activity), StringComparison.Ordinal);
                Assert.DoesNotContain(Noted, Replies.Text(activity), StringComparison.Ordinal);
            })
            .StartTestAsync();

        Assert.Empty(_harness.FeedbackRows());
    }

    [Fact]
    public async Task A_conversation_over_its_feedback_rate_is_no_longer_told_its_questions_are_noted()
    {
        var replies = new List<string>();
        var flow = _harness.Flow();
        for (var i = 0; i < 12; i++)
        {
            flow = flow.Send($"How do I replace the clutch on a 19{70 + i} diesel tractor?").AssertReply(activity => replies.Add(Replies.Text(activity)));
        }

        await flow.StartTestAsync();

        // The default rate is 10 events per conversation per minute.
        Assert.All(replies[..10], reply => Assert.Contains("I've noted your question", reply, StringComparison.Ordinal));
        Assert.All(replies[10..], reply => Assert.DoesNotContain(Noted, reply, StringComparison.Ordinal));
        Assert.Equal(10, _harness.FeedbackRows().Count);
    }

    [Fact]
    public async Task The_same_question_asked_again_is_still_noted_but_stored_once()
    {
        await _harness.Flow()
            .Send("How do I replace a tractor clutch?")
            .AssertReply(Replies.Containing("I've noted your question", "topics", "help"))
            .Send("how do I replace a TRACTOR clutch")
            .AssertReply(Replies.Containing("I've noted your question", "topics", "help"))
            .StartTestAsync();

        Assert.Single(_harness.FeedbackRows());
    }

    public void Dispose()
    {
        _harness.Dispose();
        File.Delete(_harness.DataDirectory);
    }
}
