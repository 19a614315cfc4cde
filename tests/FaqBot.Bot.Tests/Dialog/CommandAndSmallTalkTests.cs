using FaqBot.Bot.Tests.Fakes;

namespace FaqBot.Bot.Tests.Dialog;

public sealed class CommandAndSmallTalkTests : IDisposable
{
    private static readonly string Exfoliation = SeedKnowledge.Id("exfoliation-for-deep-pore-purification");
    private static readonly string[] Examples =
        ["How often should I deep clean my pores?", "Can pore strips truly deep clean pores?", "Is steaming good for deep cleaning pores?"];

    private readonly BotHarness _harness = new();

    [Fact]
    public async Task An_out_of_scope_question_is_declined_honestly_and_recorded()
    {
        var adapter = _harness.CreateAdapter();
        await _harness.Flow(adapter)
            .Send("What's the capital of France?")
            .AssertReply(activity =>
            {
                var text = Replies.Text(activity);
                Assert.StartsWith("Sorry, I can only answer questions about **How To Deep Clean Pores**", text, StringComparison.Ordinal);
                Assert.Contains("understanding your pores: why they get clogged", text, StringComparison.Ordinal);
                Assert.Equal(["topics", "help"], Replies.Actions(activity));
            })
            .StartTestAsync();

        var row = Assert.Single(_harness.FeedbackRows());
        Assert.Equal(("declined", "What's the capital of France?", "emulator"), (row.Kind, row.Question, row.Channel));
    }

    [Fact]
    public async Task A_declined_question_records_the_closest_entry_for_the_review()
    {
        _harness.Fake.Declines("how do I fix a dripping tap", SeedKnowledge.Id("can-i-use-hot-water-to-wash-my-face-for-deep-cleaning"), 0.08f);
        await _harness.Flow()
            .Send("How do I fix a dripping tap?")
            .AssertReply(Replies.Containing("I can only answer questions about", "topics", "help"))
            .StartTestAsync();

        var row = Assert.Single(_harness.FeedbackRows());
        Assert.Equal(SeedKnowledge.Id("can-i-use-hot-water-to-wash-my-face-for-deep-cleaning"), row.EntryId);
        Assert.Equal(0.08, row.Confidence!.Value, 3);
    }

    [Fact]
    public async Task Help_lists_what_the_bot_can_do()
    {
        await _harness.Flow()
            .Send("help")
            .AssertReply(activity =>
            {
                var text = Replies.Text(activity);
                foreach (var word in new[] { "**Tell me more**", "**Helpful**", "**topics**", "**restart**", "**How To Deep Clean Pores**" })
                {
                    Assert.Contains(word, text, StringComparison.Ordinal);
                }

                Assert.Equal(Examples, Replies.Actions(activity));
            })
            .StartTestAsync();
        Assert.Empty(_harness.Fake.Questions);
    }

    [Fact]
    public async Task Topics_lists_every_section_and_faq_of_the_article()
    {
        await _harness.Flow()
            .Send("Topics")
            .AssertReply(activity =>
            {
                var text = Replies.Text(activity);
                foreach (var entry in SeedKnowledge.KnowledgeBase.Entries.Where(e => e.Kind != FaqBot.Knowledge.Model.EntryKind.Article))
                {
                    Assert.Contains(entry.Kind == FaqBot.Knowledge.Model.EntryKind.Faq ? entry.Question : entry.HeadingPath[^1], text, StringComparison.Ordinal);
                }

                Assert.Equal(Examples, Replies.Actions(activity));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Restart_clears_the_conversation_state_and_welcomes_again()
    {
        await _harness.Flow()
            .Send("How often should I deep clean my pores?")
            .AssertReply(Replies.Containing("once or twice a week", "Tell me more", "Helpful", "Not helpful"))
            .Send("restart")
            .AssertReply(Replies.Containing("OK, let's start over.", Examples))
            .Send("Tell me more")
            .AssertReply(Replies.Containing("Ask me a question first", Examples))
            .Send("Helpful")
            .AssertReply(Replies.Containing("I haven't answered anything yet", Examples))
            .StartTestAsync();
        Assert.Empty(_harness.FeedbackRows());
    }

    [Theory]
    [InlineData("Hi!", "Hello! Ask me anything about **How To Deep Clean Pores**.")]
    [InlineData("hello there", "Hello!")]
    [InlineData("Thanks!", "You're welcome!")]
    [InlineData("thank you so much", "You're welcome!")]
    [InlineData("bye", "Goodbye!")]
    [InlineData("ok thanks, bye!", "Goodbye!")]
    public async Task Pure_small_talk_gets_a_short_reply_without_asking_the_engine(string message, string reply)
    {
        await _harness.Flow()
            .Send(message)
            .AssertReply(activity => Assert.StartsWith(reply, Replies.Text(activity), StringComparison.Ordinal))
            .StartTestAsync();
        Assert.Empty(_harness.Fake.Questions);
        Assert.Empty(_harness.FeedbackRows());
    }

    [Fact]
    public async Task Small_talk_never_hijacks_a_real_question()
    {
        _harness.Fake.Answers("thanks! also, can I exfoliate every day?", Exfoliation, 0.8f);
        await _harness.Flow()
            .Send("thanks! also, can I exfoliate every day?")
            .AssertReply(Replies.Containing("Exfoliation is a critical step in deep cleaning pores.", "Tell me more", "Helpful", "Not helpful"))
            .StartTestAsync();
        Assert.Equal(["thanks! also, can I exfoliate every day?"], _harness.Fake.Questions);
    }

    public void Dispose() => _harness.Dispose();
}
