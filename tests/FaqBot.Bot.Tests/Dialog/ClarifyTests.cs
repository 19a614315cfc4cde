using FaqBot.Bot.Tests.Fakes;

namespace FaqBot.Bot.Tests.Dialog;

public sealed class ClarifyTests : IDisposable
{
    private static readonly string Steaming = SeedKnowledge.Id("is-steaming-good-for-deep-cleaning-pores");
    private static readonly string Preparing = SeedKnowledge.Id("preparing-your-skin-for-deep-pore-cleansing");
    private static readonly string HotWater = SeedKnowledge.Id("can-i-use-hot-water-to-wash-my-face-for-deep-cleaning");

    private const string SteamingQuestion = "Is steaming good for deep cleaning pores?";
    private const string PreparingQuestion = "Preparing Your Skin for Deep Pore Cleansing";
    private const string HotWaterQuestion = "Can I use hot water to wash my face for deep cleaning?";

    private readonly BotHarness _harness = new();

    public ClarifyTests()
    {
        _harness.Fake.Clarifies("what about steam and heat", (Steaming, 0.41f), (Preparing, 0.38f), (HotWater, 0.12f));
    }

    [Fact]
    public async Task A_close_call_shows_the_best_answer_then_asks_did_you_mean_with_three_candidates_and_none_of_these()
    {
        await _harness.Flow()
            .Send("what about steam and heat")
            .AssertReply(Replies.Containing("Yes, steaming is very beneficial."))
            .AssertReply(activity =>
            {
                Assert.Contains("Did you mean", Replies.Text(activity), StringComparison.Ordinal);
                Assert.Equal([SteamingQuestion, PreparingQuestion, HotWaterQuestion, "None of these"], Replies.Actions(activity));
                Replies.AssertImBacks(activity);
            })
            .StartTestAsync();
        Assert.Empty(_harness.FeedbackRows());
    }

    [Fact]
    public async Task On_teams_where_only_three_actions_show_it_offers_two_candidates_and_none_of_these()
    {
        await _harness.Flow("msteams")
            .Send("what about steam and heat")
            .AssertReply(Replies.Containing("Yes, steaming is very beneficial."))
            .AssertReply(Replies.Containing("Did you mean", SteamingQuestion, PreparingQuestion, "None of these"))
            .StartTestAsync();
    }

    [Fact]
    public async Task Picking_a_candidate_answers_that_entry_with_its_source()
    {
        await _harness.Flow()
            .Send("what about steam and heat")
            .AssertReply(Replies.Containing("Yes, steaming is very beneficial."))
            .AssertReply(Replies.Containing("Did you mean", SteamingQuestion, PreparingQuestion, HotWaterQuestion, "None of these"))
            .Send(PreparingQuestion)
            .AssertReply(activity =>
            {
                Assert.StartsWith("Proper preparation makes a significant difference", Replies.Text(activity), StringComparison.Ordinal);
                Assert.Contains("(https://www.homeessentialsguide.com/how-to-deep-clean-pores#preparing-your-skin-for-deep-pore-cleansing)_",
                    Replies.Text(activity), StringComparison.Ordinal);
                Assert.Equal(["Tell me more", "Helpful", "Not helpful"], Replies.Actions(activity));
            })
            .Send("Tell me more")
            .AssertReply(Replies.Containing("**Preparing Your Skin for Deep Pore Cleansing**", "Helpful", "Not helpful"))
            .StartTestAsync();
    }

    [Fact]
    public async Task Picking_a_candidate_shows_the_answer_the_engine_gave_without_asking_it_again()
    {
        await _harness.Flow()
            .Send("what about steam and heat")
            .AssertReply(Replies.Containing("Yes, steaming is very beneficial."))
            .AssertReply(Replies.Containing("Did you mean", SteamingQuestion, PreparingQuestion, HotWaterQuestion, "None of these"))
            .Send("2")
            .AssertReply(Replies.Containing("Proper preparation makes a significant difference", "Tell me more", "Helpful", "Not helpful"))
            .StartTestAsync();

        Assert.Equal(["what about steam and heat"], _harness.Fake.Questions);
    }

    [Fact]
    public async Task Typing_the_number_of_a_candidate_picks_it()
    {
        await _harness.Flow()
            .Send("what about steam and heat")
            .AssertReply(Replies.Containing("Yes, steaming is very beneficial."))
            .AssertReply(Replies.Containing("Did you mean", SteamingQuestion, PreparingQuestion, HotWaterQuestion, "None of these"))
            .Send("3")
            .AssertReply(Replies.Containing("No, avoid using hot water.", "Tell me more", "Helpful", "Not helpful"))
            .StartTestAsync();
    }

    [Fact]
    public async Task None_of_these_records_the_question_and_asks_to_rephrase()
    {
        var adapter = _harness.CreateAdapter();
        await _harness.Flow(adapter)
            .Send("what about steam and heat")
            .AssertReply(Replies.Containing("Yes, steaming is very beneficial."))
            .AssertReply(Replies.Containing("Did you mean", SteamingQuestion, PreparingQuestion, HotWaterQuestion, "None of these"))
            .Send("None of these")
            .AssertReply(Replies.Containing("Could you rephrase it", "topics"))
            .Send("3")
            .AssertReply(Replies.Containing("Sorry, I can only answer questions about", "topics", "help"))
            .StartTestAsync();

        var rows = _harness.FeedbackRows();
        Assert.Equal(2, rows.Count);
        Assert.Equal(("none_of_these", "what about steam and heat", Steaming), (rows[0].Kind, rows[0].Question, rows[0].EntryId));
        Assert.Equal("declined", rows[1].Kind);
    }

    [Fact]
    public async Task A_new_question_instead_of_a_pick_is_answered_as_a_question()
    {
        await _harness.Flow()
            .Send("what about steam and heat")
            .AssertReply(Replies.Containing("Yes, steaming is very beneficial."))
            .AssertReply(Replies.Containing("Did you mean", SteamingQuestion, PreparingQuestion, HotWaterQuestion, "None of these"))
            .Send("How often should I deep clean my pores?")
            .AssertReply(Replies.Containing("once or twice a week", "Tell me more", "Helpful", "Not helpful"))
            .StartTestAsync();
    }

    public void Dispose() => _harness.Dispose();
}
