using FaqBot.Bot.Tests.Fakes;
using FaqBot.Knowledge.Model;
using Microsoft.Bot.Schema;

namespace FaqBot.Bot.Tests.Dialog;

public sealed class WelcomeTests : IDisposable
{
    private static readonly ChannelAccount Bot = new(BotHarness.BotId, "Bot");
    private static readonly ChannelAccount User = new(BotHarness.UserId, "User");

    private readonly BotHarness _harness = new();

    private static string[] SeedExamples =>
    [
        "How often should I deep clean my pores?",
        "Can pore strips truly deep clean pores?",
        "Is steaming good for deep cleaning pores?",
    ];

    [Fact]
    public async Task Emulator_update_with_bot_and_user_greets_the_user_once_naming_the_article_and_offering_three_examples()
    {
        await _harness.Flow()
            .Send(BotHarness.ConversationUpdate(Bot, User))
            .AssertReply(activity =>
            {
                Assert.Contains("I answer questions about **How To Deep Clean Pores**", Replies.Text(activity), StringComparison.Ordinal);
                Assert.Equal(SeedExamples, Replies.Actions(activity));
                Replies.AssertImBacks(activity);
            })
            .AssertNoReply("only one welcome", 1)
            .StartTestAsync();
    }

    [Fact]
    public async Task Teams_style_updates_one_per_member_greet_the_installing_user_when_the_bot_is_added_and_only_once()
    {
        var adapter = _harness.CreateAdapter("msteams");
        await _harness.Flow(adapter)
            .Send(BotHarness.ConversationUpdate(Bot))
            .AssertReply(Replies.Containing("How To Deep Clean Pores", SeedExamples))
            .Send(BotHarness.ConversationUpdate(User))
            .AssertNoReply("the installing user was welcomed already", 1)
            .Send(BotHarness.ConversationUpdate(User))
            .AssertNoReply("a repeated update greets nobody twice", 1)
            .Send(BotHarness.ConversationUpdate(new ChannelAccount("user-2", "Second user")))
            .AssertReply(Replies.Containing("Hi! I'm FaqBot.", SeedExamples))
            .StartTestAsync();
    }

    [Fact]
    public async Task Welcome_is_derived_from_the_knowledge_base_not_hard_coded()
    {
        var entry = SeedKnowledge.Entry("caring-for-cast-iron--can-i-use-soap", EntryKind.Faq, ["Can I use soap on cast iron?"],
            "Yes, a little mild soap is fine.", ["Caring For Cast Iron", "FAQ"], null, 3) with { ArticleId = "caring-for-cast-iron" };
        var other = SeedKnowledge.Entry("caring-for-cast-iron--seasoning", EntryKind.Section, ["Seasoning"],
            "Season with a thin layer of oil.", ["Caring For Cast Iron", "Seasoning"], null, 9) with { ArticleId = "caring-for-cast-iron" };
        var article = new Article("caring-for-cast-iron", "Caring For Cast Iron", "cast-iron.md", null, null, [], null);
        using var harness = new BotHarness(new FakeAnswerEngine(new KnowledgeBase([article], [other, entry])));

        await harness.Flow()
            .Send(BotHarness.ConversationUpdate(Bot, User))
            .AssertReply(Replies.Containing("**Caring For Cast Iron**", "Can I use soap on cast iron?", "Seasoning"))
            .StartTestAsync();
    }

    public void Dispose() => _harness.Dispose();
}
