using System.Text.RegularExpressions;
using FaqBot.Bot.Tests.Fakes;
using FaqBot.Knowledge.Model;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FaqBot.Bot.Tests.Dialog;

/// <summary>A knowledge base of many articles: the bot counts them and names a few, and "topics" stays bounded.</summary>
public sealed partial class ManyArticlesTests : IDisposable
{
    private static readonly ChannelAccount Bot = new(BotHarness.BotId, "Bot");
    private static readonly ChannelAccount User = new(BotHarness.UserId, "User");

    private readonly BotHarness _harness = new(new FakeAnswerEngine(Articles(50)));

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Welcome_over_50_articles_says_how_many_and_names_only_the_articles_its_example_questions_come_from()
    {
        await _harness.Flow()
            .Send(BotHarness.ConversationUpdate(Bot, User))
            .AssertReply(activity =>
            {
                var text = Replies.Text(activity);
                Assert.StartsWith("Hi! I'm FaqBot. I answer questions from my 50 articles, such as **", text, StringComparison.Ordinal);
                Assert.Contains("Type **topics** to see them all", text, StringComparison.Ordinal);
                Assert.InRange(text.Length, 1, 400);
                var examples = Replies.Actions(activity);
                Assert.Equal(3, examples.Count);
                Assert.Equal(examples.Select(ArticleOf), NamedTitles(text));
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("help")]
    [InlineData("What's the capital of France?")]
    public async Task Hello_help_and_a_decline_over_50_articles_name_a_few_titles_not_all(string message)
    {
        await _harness.Flow()
            .Send(message)
            .AssertReply(activity =>
            {
                var text = Replies.Text(activity);
                Assert.Contains("50 articles, such as **", text, StringComparison.Ordinal);
                Assert.InRange(NamedTitles(text).Count, 1, 3);
                Assert.InRange(text.Length, 1, 600);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Added_to_a_Teams_channel_over_50_articles_the_introduction_names_a_few_titles_not_all()
    {
        var adapter = _harness.CreateAdapter(new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = "https://smba.trafficmanager.net/amer/",
            User = new ChannelAccount(BotHarness.UserId, "Ada"),
            Bot = Bot,
            Conversation = new ConversationAccount(isGroup: true, conversationType: "channel", id: $"channel-{Guid.NewGuid():n}"),
        });

        await _harness.Flow(adapter)
            .Send(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [Bot], MembersRemoved = [] })
            .StartTestAsync();

        var card = JObject.FromObject(Assert.Single(Assert.Single(AnswerTests.Drain(adapter)).AsMessageActivity().Attachments).Content);
        var text = (string)card["body"]![0]!["text"]!;
        Assert.Contains("I answer questions from my 50 articles, such as **", text, StringComparison.Ordinal);
        Assert.InRange(NamedTitles(text).Count, 1, 3);
    }

    [Theory]
    [InlineData("emulator", 3_000)]
    [InlineData("msteams", 2_000)]
    public async Task Topics_over_50_articles_lists_the_first_30_titles_once_each_in_order_and_says_how_many_more(string channel, int limit)
    {
        var adapter = _harness.CreateAdapter(channel);
        await _harness.Flow(adapter).Send("topics").StartTestAsync();

        var reply = Assert.Single(AnswerTests.Drain(adapter));
        var text = Replies.Text(reply);
        Assert.InRange(text.Length, 1, limit);
        Assert.StartsWith("I answer from 50 articles. Here are the first 30 titles:", text, StringComparison.Ordinal);
        var titles = Articles(50).Articles.Select(a => a.Title).ToList();
        var listed = text.Split('\n').Where(l => l.StartsWith("* ", StringComparison.Ordinal)).Select(l => l[2..]).ToList();
        Assert.Equal(titles.Take(30), listed);
        Assert.DoesNotContain("Seasoning", text, StringComparison.Ordinal);
        Assert.Contains("…and 20 more titles.", text, StringComparison.Ordinal);
        Assert.Equal(3, Replies.Actions(reply).Count);
    }

    [Fact]
    public async Task Topics_lists_a_title_two_articles_share_once()
    {
        var knowledgeBase = Articles(50);
        var articles = knowledgeBase.Articles.ToList();
        articles[2] = articles[2] with { Title = Title(2) };
        using var harness = new BotHarness(new FakeAnswerEngine(knowledgeBase with { Articles = articles }));
        var adapter = harness.CreateAdapter();
        await harness.Flow(adapter).Send("topics").StartTestAsync();

        var text = Replies.Text(Assert.Single(AnswerTests.Drain(adapter)));
        Assert.Single(text.Split('\n'), l => l == $"* {Title(2)}");
        Assert.Contains($"* {Title(31)}", text, StringComparison.Ordinal);
        Assert.Contains("…and 19 more titles.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_articles_are_both_named_in_the_welcome_and_topics_lists_their_sections()
    {
        using var harness = new BotHarness(new FakeAnswerEngine(Articles(2)));
        await harness.Flow()
            .Send(BotHarness.ConversationUpdate(Bot, User))
            .AssertReply(activity => Assert.StartsWith(
                $"Hi! I'm FaqBot. I answer questions about **{Title(1)}** and **{Title(2)}**, with the section each answer comes from.",
                Replies.Text(activity), StringComparison.Ordinal))
            .Send("topics")
            .AssertReply(activity =>
            {
                var text = Replies.Text(activity);
                Assert.Contains($"**{Title(1)}**\n* Seasoning step 01", text, StringComparison.Ordinal);
                Assert.Contains($"**{Title(2)}**\n* Seasoning step 02", text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task An_answer_over_50_articles_names_its_article_in_the_source_line()
    {
        await _harness.Flow()
            .Send("Can I use soap on pan 37?")
            .AssertReply(activity => Assert.EndsWith(
                $"_Source: [{Title(37)} › FAQ](https://example.org/pan-37#faq)_", Replies.Text(activity), StringComparison.Ordinal))
            .StartTestAsync();
    }

    private static string Title(int i) => $"Caring for cast iron pan {i:00}: seasoning and cleaning";

    private static string ArticleOf(string question) => Title(int.Parse(QuestionNumber().Match(question).Value, System.Globalization.CultureInfo.InvariantCulture));

    private static List<string> NamedTitles(string text) => [.. BoldTitle().Matches(text).Select(m => m.Groups[1].Value)];

    // N small articles, each with a FAQ question and a section, in the order a knowledge base lists them.
    private static KnowledgeBase Articles(int count)
    {
        var articles = new List<Article>();
        var entries = new List<FaqEntry>();
        for (var i = 1; i <= count; i++)
        {
            var id = $"pan-{i:00}";
            articles.Add(new Article(id, Title(i), $"{id}.md", null, null, [], $"https://example.org/{id}"));
            entries.Add(SeedKnowledge.Entry($"{id}--soap", EntryKind.Faq, [$"Can I use soap on pan {i:00}?"],
                "Yes, a little mild soap is fine.", [Title(i), "FAQ"], $"https://example.org/{id}#faq", 3) with { ArticleId = id });
            entries.Add(SeedKnowledge.Entry($"{id}--seasoning", EntryKind.Section, [$"Seasoning step {i:00}"],
                "Season with a thin layer of oil.", [Title(i), $"Seasoning step {i:00}"], $"https://example.org/{id}#seasoning", 9) with { ArticleId = id });
        }

        return new KnowledgeBase(articles, entries);
    }

    [GeneratedRegex(@"\*\*(Caring for cast iron pan \d\d: seasoning and cleaning)\*\*")]
    private static partial Regex BoldTitle();

    [GeneratedRegex(@"\d\d")]
    private static partial Regex QuestionNumber();
}
