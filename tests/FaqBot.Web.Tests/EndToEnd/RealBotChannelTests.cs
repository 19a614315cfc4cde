using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FaqBot.Web.Tests.DirectLine;
using FaqBot.Web.Tests.Support;

namespace FaqBot.Web.Tests.EndToEnd;

/// <summary>The real FaqBot, trained on the bundled article, answering through each channel the host serves.</summary>
[Collection(RealFaqBotCollection.Name)]
public sealed class RealBotChannelTests(RealFaqBotHost host)
{
    private const string HowOften = "How often should I deep clean my pores?";
    private const string HowOftenAnswer = "once or twice a week";
    private const string SteamingAnswer = "steaming is very beneficial";

    [Fact]
    public async Task The_Emulator_gets_the_welcome_and_a_real_answer_at_its_connector()
    {
        await using var connector = await FakeEmulatorConnector.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var conversation = Guid.NewGuid() + "|livechat";
        var bot = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "Bot", ["role"] = "bot" };
        var user = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "User", ["role"] = "user" };
        JsonObject Emulator(JsonObject activity)
        {
            activity["channelId"] = "emulator";
            activity["id"] = Guid.NewGuid().ToString();
            activity["timestamp"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            activity["conversation"] = new JsonObject { ["id"] = conversation };
            activity["recipient"] = bot.DeepClone();
            activity["from"] = user.DeepClone();
            activity["locale"] = "en-US";
            activity["serviceUrl"] = connector.ServiceUrl.ToString().TrimEnd('/');
            return activity;
        }

        var update = Emulator(new JsonObject
        {
            ["type"] = "conversationUpdate",
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = bot["id"]!.GetValue<string>(), ["name"] = "Bot" }, new JsonObject { ["id"] = user["id"]!.GetValue<string>(), ["name"] = "User" }),
            ["membersRemoved"] = new JsonArray(),
        });
        var question = Emulator(new JsonObject { ["type"] = "message", ["text"] = HowOften, ["textFormat"] = "plain", ["channelData"] = new JsonObject { ["clientActivityID"] = "c1" } });

        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("api/messages", Json.Content(update))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("api/messages", Json.Content(question))).StatusCode);

        var welcome = Assert.Single(connector.Calls, call => call.ReplyToId == update["id"]!.GetValue<string>() && call.Text is not null);
        Assert.Contains("FaqBot", welcome.Text, StringComparison.Ordinal);
        var answer = Assert.Single(connector.Calls, call => call.ReplyToId == question["id"]!.GetValue<string>() && call.Activity["type"]!.GetValue<string>() == "message");
        Assert.Contains(HowOftenAnswer, answer.Text, StringComparison.Ordinal);
        Assert.Equal(conversation, answer.ConversationId);
        Assert.NotEmpty(answer.Activity["suggestedActions"]!["actions"]!.AsArray());
    }

    [Theory]
    [InlineData("personal", HowOften, HowOftenAnswer)]
    [InlineData("channel", "<at>FaqBot</at> Is steaming good for deep cleaning pores?\n", SteamingAnswer)]
    public async Task Teams_questions_are_answered_from_the_article(string conversationType, string text, string expected)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        const string BotId = "28:8f0f4c3e-5d51-4b57-9a0b-2b7d8f3c1a11";
        var message = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "1700000000123",
            ["text"] = text,
            ["textFormat"] = "plain",
            ["channelId"] = "msteams",
            ["serviceUrl"] = "https://smba.trafficmanager.net/amer/",
            ["deliveryMode"] = "expectReplies",
            ["from"] = new JsonObject { ["id"] = "29:1user-" + conversationType, ["name"] = "Ada Lovelace", ["aadObjectId"] = Guid.NewGuid().ToString() },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "FaqBot" },
            ["conversation"] = conversationType == "personal"
                ? new JsonObject { ["id"] = "a:1personal-" + Guid.NewGuid().ToString("N"), ["conversationType"] = "personal", ["tenantId"] = "tenant" }
                : new JsonObject { ["id"] = "19:general-" + Guid.NewGuid().ToString("N") + "@thread.tacv2;messageid=1", ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = "tenant" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant" } },
            ["entities"] = new JsonArray(
                new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["platform"] = "Windows" },
                new JsonObject { ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "FaqBot" }, ["text"] = "<at>FaqBot</at>" }),
        };

        var response = await http.PostAsync("api/messages", Json.Content(message));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = (await Json.ReadObjectAsync(response))["activities"]!.AsArray();
        Assert.Contains(replies, reply => Shown(reply).Contains(expected, StringComparison.Ordinal));
        Assert.All(replies, reply => Assert.DoesNotContain("<at>", Shown(reply), StringComparison.Ordinal));
    }

    // What the user sees: the message text, or in a channel (where buttons come as an Adaptive Card) the card's text.
    private static string Shown(JsonNode? reply) =>
        reply?["text"]?.GetValue<string>()
        ?? reply?["attachments"]?[0]?["content"]?["body"]?[0]?["text"]?.GetValue<string>()
        ?? string.Empty;

    [Fact]
    public async Task Direct_Line_gets_the_welcome_the_echo_and_a_real_answer()
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var client = new DirectLineClient(http);
        Assert.Equal(HttpStatusCode.Created, (await client.StartAsync()).StatusCode);

        await client.SendAsync(HowOften);
        var (activities, _) = await client.ReadAsync();

        var texts = Json.Texts(activities).ToList();
        Assert.Equal(3, texts.Count);
        Assert.Contains("FaqBot", texts[0], StringComparison.Ordinal);
        Assert.Equal(HowOften, texts[1]);
        Assert.Contains(HowOftenAnswer, texts[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Direct_Line_keeps_the_conversation_state_between_turns()
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var client = new DirectLineClient(http);
        await client.StartAsync();
        var join = new JsonObject { ["type"] = "event", ["name"] = "webchat/join", ["from"] = new JsonObject { ["id"] = client.UserId, ["role"] = "user" } };
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(join)).StatusCode);

        await client.SendAsync(HowOften);
        var (_, watermark) = await client.ReadAsync();
        await client.SendAsync("Tell me more");
        var (after, _) = await client.ReadAsync(watermark);

        Assert.Contains(Json.Texts(after), text => text?.Contains("whole answer", StringComparison.Ordinal) == true);
    }
}
