using System.Text;
using FaqBot.Bot.Tests.Fakes;
using FaqBot.Knowledge.Model;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace FaqBot.Bot.Tests.Dialog;

public sealed class AnswerTests : IDisposable
{
    private static readonly string HowOften = SeedKnowledge.Id("how-often-should-i-deep-clean-my-pores");

    private readonly BotHarness _harness = new();

    [Fact]
    public async Task A_question_gets_the_precise_answer_then_its_linked_source_then_three_actions()
    {
        _harness.Fake.Answers("how often should I deep clean?", HowOften, 0.9f);

        await _harness.Flow()
            .Send("How often should I deep clean?")
            .AssertReply(activity =>
            {
                var text = Replies.Text(activity);
                Assert.StartsWith("Deep cleaning pores is generally recommended once or twice a week.", text, StringComparison.Ordinal);
                Assert.EndsWith(
                    "\n\n_Source: [How To Deep Clean Pores › FAQ Section](https://www.homeessentialsguide.com/how-to-deep-clean-pores#faq-section)_",
                    text, StringComparison.Ordinal);
                Assert.Equal(["Tell me more", "Helpful", "Not helpful"], Replies.Actions(activity));
                Replies.AssertImBacks(activity);
                Assert.Equal(TextFormatTypes.Markdown, activity.AsMessageActivity().TextFormat);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Tell_me_more_sends_the_whole_entry_with_its_heading_and_source()
    {
        var exfoliation = SeedKnowledge.Id("exfoliation-for-deep-pore-purification");
        _harness.Fake.Answers("can I exfoliate every day?", exfoliation, 0.8f);
        var entry = _harness.Engine.FindEntry(exfoliation)!;
        var adapter = _harness.CreateAdapter();

        await _harness.Flow(adapter)
            .Send("can I exfoliate every day?")
            .AssertReply(Replies.Containing("Exfoliation is a critical step", "Tell me more", "Helpful", "Not helpful"))
            .Send("Tell me more")
            .StartTestAsync();

        var replies = Drain(adapter);
        var all = string.Join("\n\n", replies.Select(Replies.Text));
        Assert.StartsWith("**Exfoliation for Deep Pore Purification**", all, StringComparison.Ordinal);
        foreach (var passage in entry.Passages)
        {
            Assert.Contains(passage.Markdown, all, StringComparison.Ordinal);
        }

        Assert.Contains("_Source: [How To Deep Clean Pores › Exfoliation for Deep Pore Purification]", all, StringComparison.Ordinal);
        Assert.Equal(["Helpful", "Not helpful"], Replies.Actions(replies[^1]));
    }

    [Theory]
    [InlineData("emulator", 3_000)]
    [InlineData("msteams", 2_000)]
    public async Task Tell_me_more_splits_a_long_entry_into_messages_under_the_channel_limit_in_order(string channel, int limit)
    {
        var paragraphs = Enumerable.Range(1, 14).Select(i => $"Paragraph {i:00}. " + string.Concat(Enumerable.Repeat($"Sentence about step {i} of the routine. ", 12)).TrimEnd()).ToList();
        var longEntry = SeedKnowledge.Entry(SeedKnowledge.Id("a-long-guide"), EntryKind.Section, ["A long guide"],
            string.Join("\n\n", paragraphs), ["How To Deep Clean Pores", "A long guide"], null, 1);
        var seed = SeedKnowledge.KnowledgeBase;
        using var harness = new BotHarness(new FakeAnswerEngine(seed with { Entries = [.. seed.Entries, longEntry] }));
        var adapter = harness.CreateAdapter(channel);

        await harness.Flow(adapter)
            .Send("A long guide")
            .AssertReply(Replies.Containing("Paragraph 01.", "Tell me more", "Helpful", "Not helpful"))
            .Send("tell me more")
            .StartTestAsync();

        var replies = Drain(adapter);
        Assert.True(replies.Count >= 3, $"expected the {paragraphs.Sum(p => p.Length)} characters split in several messages, got {replies.Count}");
        Assert.All(replies, r => Assert.InRange(Replies.Text(r).Length, 1, limit));
        Assert.All(replies, r => Assert.InRange(Encoding.UTF8.GetByteCount(JsonConvert.SerializeObject(r)), 1, 28 * 1024));
        var all = string.Join("\n\n", replies.Select(Replies.Text));
        var positions = paragraphs.Select(p => all.IndexOf(p, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.All(replies.SkipLast(1), r => Assert.Empty(Replies.Actions(r)));
        Assert.Equal(["Helpful", "Not helpful"], Replies.Actions(replies[^1]));
    }

    [Fact]
    public async Task Tell_me_more_on_a_one_paragraph_FAQ_answer_offers_the_section_of_the_article_it_belongs_with()
    {
        // Given a FAQ answer of one paragraph about steaming, which the article explains under "Preparing Your Skin…"
        var steaming = SeedKnowledge.Id("is-steaming-good-for-deep-cleaning-pores");
        _harness.Fake.Answers("is steaming good?", steaming, 0.9f);
        var preparing = _harness.Engine.FindEntry(SeedKnowledge.Id("preparing-your-skin-for-deep-pore-cleansing"))!;
        var adapter = _harness.CreateAdapter();

        // When the user asks for more
        await _harness.Flow(adapter)
            .Send("is steaming good?")
            .AssertReply(Replies.Containing("Yes, steaming", "Tell me more", "Helpful", "Not helpful"))
            .Send("Tell me more")
            .StartTestAsync();

        // Then the bot says the answer was whole and sends that section, its heading and its linked source
        var replies = Drain(adapter);
        var all = string.Join("\n\n", replies.Select(Replies.Text));
        Assert.StartsWith(
            "That was the whole answer; the article goes into it in this section:\n\n**Preparing Your Skin for Deep Pore Cleansing**",
            all, StringComparison.Ordinal);
        foreach (var passage in preparing.Passages)
        {
            Assert.Contains(passage.Markdown, all, StringComparison.Ordinal);
        }

        Assert.Contains("_Source: [How To Deep Clean Pores › Preparing Your Skin for Deep Pore Cleansing]", all, StringComparison.Ordinal);
        Assert.Equal(["Helpful", "Not helpful"], Replies.Actions(replies[^1]));
    }

    [Fact]
    public async Task A_one_paragraph_answer_with_no_section_to_add_has_no_tell_me_more_button_and_typing_more_says_that_was_all()
    {
        // Given an article that is only an FAQ: nothing beyond each one-paragraph answer
        var tea = SeedKnowledge.Entry("tea--is-green-tea-bitter", EntryKind.Faq, ["Is green tea bitter?"],
            "Only when brewed too hot or too long.", ["Tea", "FAQ"], "https://example.com/tea#faq", 3) with { ArticleId = "tea" };
        var seed = SeedKnowledge.KnowledgeBase;
        var article = new Article("tea", "Tea", "tea.md", null, null, [], "https://example.com/tea");
        using var harness = new BotHarness(new FakeAnswerEngine(seed with { Articles = [.. seed.Articles, article], Entries = [.. seed.Entries, tea] }));

        // When it is asked, then asked for more
        await harness.Flow()
            .Send("Is green tea bitter?")
            .AssertReply(activity =>
            {
                Assert.StartsWith("Only when brewed too hot or too long.", Replies.Text(activity), StringComparison.Ordinal);
                Assert.Equal(["Helpful", "Not helpful"], Replies.Actions(activity));
            })
            .Send("tell me more")
            .AssertReply(Replies.Containing(
                "That was the whole answer; the article says no more about it. You can read it in context [in the article](https://example.com/tea#faq).",
                "Helpful", "Not helpful"))
            .StartTestAsync();
    }

    [Fact]
    public async Task Tell_me_more_before_any_answer_asks_for_a_question()
    {
        await _harness.Flow()
            .Send("Tell me more")
            .AssertReply(Replies.Containing("Ask me a question first", "How often should I deep clean my pores?", "Can pore strips truly deep clean pores?", "Is steaming good for deep cleaning pores?"))
            .StartTestAsync();
    }

    [Fact]
    public async Task Helpful_and_not_helpful_are_recorded_against_the_last_answer_once_each()
    {
        _harness.Fake.Answers("how often should I deep clean?", HowOften, 0.9f);
        var steaming = SeedKnowledge.Id("is-steaming-good-for-deep-cleaning-pores");
        _harness.Fake.Answers("does steam help?", steaming, 0.7f);
        var adapter = _harness.CreateAdapter();

        await _harness.Flow(adapter)
            .Send("How often should I deep clean?")
            .AssertReply(Replies.Containing("once or twice a week", "Tell me more", "Helpful", "Not helpful"))
            .Send("Helpful")
            .AssertReply(Replies.Containing("Glad it helped"))
            .Send("Helpful")
            .AssertReply(Replies.Containing("already rated"))
            .Send("does steam help?")
            .AssertReply(Replies.Containing("steaming is very beneficial", "Tell me more", "Helpful", "Not helpful"))
            .Send("Not helpful")
            .AssertReply(Replies.Containing("I've noted your question", "topics"))
            .StartTestAsync();

        var rows = _harness.FeedbackRows();
        Assert.Equal(2, rows.Count);
        Assert.Equal(("helpful", "How often should I deep clean?", HowOften), (rows[0].Kind, rows[0].Question, rows[0].EntryId));
        Assert.Equal(("unhelpful", "does steam help?", steaming), (rows[1].Kind, rows[1].Question, rows[1].EntryId));
        Assert.Equal(0.7, rows[1].Confidence!.Value, 3);
        Assert.All(rows, r => Assert.Equal(("emulator", adapter.Conversation.Conversation.Id), (r.Channel, r.Conversation)));
        Assert.All(rows, r => Assert.True(DateTimeOffset.UtcNow - DateTimeOffset.Parse(r.Time, System.Globalization.CultureInfo.InvariantCulture) < TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task Rating_before_any_answer_records_nothing()
    {
        await _harness.Flow()
            .Send("Not helpful")
            .AssertReply(Replies.Containing("I haven't answered anything yet", "How often should I deep clean my pores?", "Can pore strips truly deep clean pores?", "Is steaming good for deep cleaning pores?"))
            .StartTestAsync();

        Assert.Empty(_harness.FeedbackRows());
    }

    internal static List<IActivity> Drain(TestAdapter adapter)
    {
        var replies = new List<IActivity>();
        while (adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply);
        }

        return replies;
    }

    public void Dispose() => _harness.Dispose();
}
