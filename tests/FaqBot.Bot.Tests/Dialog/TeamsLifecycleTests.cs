using FaqBot.Bot.Tests.Fakes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FaqBot.Bot.Tests.Dialog;

/// <summary>Teams as users meet it: installs, HTML in message text, and buttons where only @mentions reach the bot.</summary>
public sealed class TeamsLifecycleTests : IDisposable
{
    private const string Steaming = "Is steaming good for deep cleaning pores?";
    private static readonly ChannelAccount Bot = new(BotHarness.BotId, "FaqBot");
    private readonly BotHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private TestAdapter Adapter(string conversationType) => _harness.CreateAdapter(new ConversationReference
    {
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/amer/",
        User = new ChannelAccount(BotHarness.UserId, "Ada"),
        Bot = Bot,
        Conversation = new ConversationAccount(isGroup: conversationType != "personal", conversationType: conversationType, id: $"{conversationType}-{Guid.NewGuid():n}"),
    });

    private static Activity BotAdded() => new() { Type = ActivityTypes.ConversationUpdate, MembersAdded = [Bot], MembersRemoved = [] };

    private static Activity Installed(string action = "add") => new() { Type = ActivityTypes.InstallationUpdate, Action = action };

    private static Activity Mentioning(string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Entities = [new Entity("mention") { Properties = JObject.FromObject(new { mentioned = new { id = BotHarness.BotId, name = "FaqBot" }, text = "<at>FaqBot</at>" }) }],
    };

    private static JObject Card(IActivity activity)
    {
        var message = activity.AsMessageActivity()!;
        Assert.Null(message.SuggestedActions);
        var attachment = Assert.Single(message.Attachments);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var card = JObject.FromObject(attachment.Content);
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        return card;
    }

    private static string CardText(IActivity activity) => (string)Card(activity)["body"]![0]!["text"]!;

    private static string[] CardButtons(IActivity activity) =>
        [.. Card(activity)["actions"]!.Select(a =>
        {
            Assert.Equal("Action.Submit", (string?)a["type"]);
            Assert.Equal("messageBack", (string?)a["data"]!["msteams"]!["type"]);
            Assert.Equal((string?)a["title"], (string?)a["data"]!["msteams"]!["text"]);
            Assert.Equal((string?)a["title"], (string?)a["data"]!["faqbotAction"]);
            return (string)a["title"]!;
        })];

    [Fact]
    public async Task A_personal_install_is_welcomed_once_when_the_conversation_update_and_the_installation_update_both_arrive()
    {
        await _harness.Flow(Adapter("personal"))
            .Send(BotAdded())
            .AssertReply(Replies.Containing("Hi! I'm FaqBot.", "How often should I deep clean my pores?", "Can pore strips truly deep clean pores?", Steaming))
            .Send(Installed())
            .AssertNoReply("the installation update does not welcome a second time", 1)
            .StartTestAsync();
    }

    [Fact]
    public async Task An_installation_update_alone_welcomes_and_the_conversation_update_after_it_does_not()
    {
        await _harness.Flow(Adapter("personal"))
            .Send(Installed())
            .AssertReply(activity => Assert.StartsWith("Hi! I'm FaqBot.", Replies.Text(activity), StringComparison.Ordinal))
            .Send(BotAdded())
            .AssertNoReply("one welcome per install", 1)
            .Send(Installed("add-upgrade"))
            .AssertNoReply("an upgrade is not a new install", 1)
            .StartTestAsync();
    }

    [Fact]
    public async Task Adding_the_bot_to_a_team_introduces_it_once_with_card_buttons_and_new_team_members_are_not_greeted_one_by_one()
    {
        await _harness.Flow(Adapter("channel"))
            .Send(BotAdded())
            .AssertReply(activity =>
            {
                Assert.StartsWith("Hi everyone! I'm FaqBot.", CardText(activity), StringComparison.Ordinal);
                Assert.Contains("@mention me", CardText(activity), StringComparison.Ordinal);
                Assert.Equal(3, CardButtons(activity).Length);
            })
            .Send(Installed())
            .AssertNoReply("introduced once", 1)
            .Send(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [new ChannelAccount("29:new-member", "Grace")], MembersRemoved = [] })
            .AssertNoReply("a person joining the team is not greeted in the channel", 1)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("<at>FaqBot</at>&nbsp;is steaming good?")]
    [InlineData("<p>is steaming good?</p>")]
    [InlineData("<at>FaqBot</at> <p>is&nbsp;steaming\n good?</p><br>")]
    public async Task Teams_html_in_a_message_reaches_the_engine_and_the_feedback_store_as_plain_text(string text)
    {
        _harness.Fake.Declines("is steaming good?", Id("how-often-should-i-deep-clean-my-pores"), 0.1f);

        await _harness.Flow(Adapter("personal"))
            .Send(Mentioning(text))
            .AssertReply(Replies.Containing("Sorry, I can only answer questions about", "topics", "help"))
            .StartTestAsync();

        Assert.Equal(["is steaming good?"], _harness.Fake.Questions);
        Assert.Equal("is steaming good?", Assert.Single(_harness.FeedbackRows()).Question);
    }

    [Fact]
    public async Task Html_decoding_is_for_teams_only_and_a_less_than_sign_is_not_a_tag()
    {
        _harness.Fake.Declines("is 2 < 3 & <b>bold</b>?", Id("how-often-should-i-deep-clean-my-pores"), 0.1f);
        _harness.Fake.Declines("is 2 < 3 & bold?", Id("how-often-should-i-deep-clean-my-pores"), 0.1f);

        await _harness.Flow("emulator").Send("is 2 < 3 &amp; <b>bold</b>?").AssertReply(_ => { }).StartTestAsync();
        await _harness.Flow(Adapter("personal")).Send("is 2 &lt; 3 &amp; <b>bold</b>?").AssertReply(_ => { }).StartTestAsync();

        Assert.Equal(["is 2 < 3 &amp; <b>bold</b>?", "is 2 < 3 & bold?"], _harness.Fake.Questions);
    }

    [Theory]
    [InlineData("channel")]
    [InlineData("groupChat")]
    public async Task In_a_channel_or_group_chat_the_answer_buttons_are_card_buttons_and_pressing_one_works(string conversationType)
    {
        var adapter = Adapter(conversationType);
        await _harness.Flow(adapter)
            .Send(Mentioning($"<at>FaqBot</at> {Steaming}"))
            .AssertReply(activity =>
            {
                Assert.Contains("Yes, steaming is very beneficial", CardText(activity), StringComparison.Ordinal);
                Assert.Equal(["Tell me more", "Helpful", "Not helpful"], CardButtons(activity));
            })
            // Action.Submit with plain data: a message with a value and no text.
            .Send(new Activity { Type = ActivityTypes.Message, Value = JObject.FromObject(new { faqbotAction = "Helpful" }) })
            .AssertReply(Replies.Containing("Glad it helped!"))
            .StartTestAsync();

        Assert.Equal("helpful", Assert.Single(_harness.FeedbackRows()).Kind);
    }

    [Fact]
    public async Task A_did_you_mean_in_a_channel_is_a_card_and_a_candidate_pressed_as_message_back_is_answered()
    {
        _harness.Fake.Clarifies("steam?", (Id("is-steaming-good-for-deep-cleaning-pores"), 0.6f), (Id("how-often-should-i-deep-clean-my-pores"), 0.59f));
        await _harness.Flow(Adapter("channel"))
            .Send(Mentioning("<at>FaqBot</at> steam?"))
            .AssertReply(activity => Assert.Contains("Yes, steaming", Replies.Text(activity), StringComparison.Ordinal))
            .AssertReply(activity =>
            {
                Assert.Contains("Did you mean", CardText(activity), StringComparison.Ordinal);
                Assert.Equal([Steaming, "How often should I deep clean my pores?", "None of these"], CardButtons(activity));
            })
            // messageBack: the text set in the button, and its value.
            .Send(new Activity { Type = ActivityTypes.Message, Text = "How often should I deep clean my pores?", Value = JObject.FromObject(new { faqbotAction = "How often should I deep clean my pores?" }) })
            .AssertReply(activity => Assert.Contains("once or twice a week", CardText(activity), StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task Teams_personal_chat_keeps_suggested_actions()
    {
        await _harness.Flow(Adapter("personal"))
            .Send(Steaming)
            .AssertReply(activity =>
            {
                Assert.Equal(["Tell me more", "Helpful", "Not helpful"], Replies.Actions(activity));
                Assert.Empty(activity.AsMessageActivity()!.Attachments ?? []);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task An_adaptive_card_action_invoke_runs_the_action_and_gets_the_invoke_response_teams_expects()
    {
        var adapter = Adapter("channel");
        await _harness.Flow(adapter).Send(Mentioning($"<at>FaqBot</at> {Steaming}")).AssertReply(_ => { }).StartTestAsync();

        var invoke = new Activity
        {
            Type = ActivityTypes.Invoke,
            Name = "adaptiveCard/action",
            Value = JObject.FromObject(new { action = new { type = "Action.Execute", data = new { faqbotAction = "Not helpful" } }, trigger = "manual" }),
        };
        var replies = await ProcessAsync(adapter, invoke);

        Assert.Contains(replies, r => r.Type == ActivityTypes.Message && CardText(r).StartsWith("Sorry it didn't help.", StringComparison.Ordinal));
        var response = Assert.IsType<InvokeResponse>(Assert.Single(replies, r => r.Type == ActivityTypesEx.InvokeResponse).Value);
        Assert.Equal(200, response.Status);
        var body = JObject.FromObject(response.Body);
        Assert.Equal(200, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
        Assert.Equal("unhelpful", Assert.Single(_harness.FeedbackRows()).Kind);
    }

    [Theory]
    [InlineData("composeExtension/query")]
    [InlineData("task/fetch")]
    [InlineData("some/new-teams-invoke")]
    public async Task An_invoke_the_bot_does_not_handle_is_answered_200_not_501(string name)
    {
        var replies = await ProcessAsync(Adapter("personal"), new Activity { Type = ActivityTypes.Invoke, Name = name, Value = new JObject() });

        var response = Assert.IsType<InvokeResponse>(Assert.Single(replies).Value);
        Assert.Equal(200, response.Status);
    }

    private async Task<List<Activity>> ProcessAsync(TestAdapter adapter, Activity activity)
    {
        await adapter.ProcessActivityAsync(activity, _harness.Bot.OnTurnAsync);
        var replies = new List<Activity>();
        while (adapter.GetNextReply() is Activity reply)
        {
            replies.Add(reply);
        }

        return replies;
    }

    private static string Id(string slug) => SeedKnowledge.Id(slug);
}
