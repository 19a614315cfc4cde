using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FaqBot.Web.Tests.Support;

namespace FaqBot.Web.Tests.Messaging;

/// <summary>
/// Replays what the Bot Framework Emulator (4.15) sends when it opens http://localhost:3978/api/messages, against the host on
/// a real loopback port, with a fake connector standing in for the Emulator's own server (replies go to its serviceUrl).
/// </summary>
public sealed class EmulatorConformanceTests : IAsyncLifetime
{
    private readonly FaqBotWebFactory _factory = new();
    private readonly string _conversationId = Guid.NewGuid() + "|livechat";
    private readonly string _botId = Guid.NewGuid().ToString();
    private readonly string _userId = Guid.NewGuid().ToString();
    private FakeEmulatorConnector _connector = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeEmulatorConnector.StartAsync();
        _client = new HttpClient { BaseAddress = _factory.StartOnLoopback() };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _connector.DisposeAsync();
    }

    // The fields Conversation.postage() stamps on every activity (reference §1.2).
    private JsonObject Postage(JsonObject activity)
    {
        activity["channelId"] = "emulator";
        activity["id"] = Guid.NewGuid().ToString();
        activity["timestamp"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        activity["localTimestamp"] = DateTimeOffset.Now.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        activity["conversation"] = new JsonObject { ["id"] = _conversationId };
        activity["recipient"] = new JsonObject { ["id"] = _botId, ["name"] = "Bot", ["role"] = "bot" };
        activity["from"] ??= new JsonObject { ["id"] = _userId, ["name"] = "User", ["role"] = "user" };
        activity["locale"] = "en-US";
        activity["serviceUrl"] = _connector.ServiceUrl.ToString().TrimEnd('/');
        return activity;
    }

    private JsonObject ConversationUpdate() => Postage(new JsonObject
    {
        ["type"] = "conversationUpdate",
        ["membersAdded"] = new JsonArray(
            new JsonObject { ["id"] = _botId, ["name"] = "Bot" },
            new JsonObject { ["id"] = _userId, ["name"] = "User" }),
        ["membersRemoved"] = new JsonArray(),
    });

    private JsonObject Message(string text, bool first) => Postage(new JsonObject
    {
        ["type"] = "message",
        ["text"] = text,
        ["textFormat"] = "plain",
        ["attachments"] = new JsonArray(),
        ["channelData"] = new JsonObject { ["clientActivityID"] = Guid.NewGuid().ToString("N")[..12] },
        ["entities"] = first
            ? new JsonArray(new JsonObject { ["type"] = "ClientCapabilities", ["requiresBotState"] = true, ["supportsListening"] = true, ["supportsTts"] = true })
            : null,
        ["from"] = new JsonObject { ["id"] = _userId, ["name"] = "User", ["role"] = "user" },
    });

    [Fact]
    public async Task Opening_the_bot_in_the_Emulator_delivers_the_welcome_to_its_connector()
    {
        var update = ConversationUpdate();

        var response = await _client.PostAsync("api/messages", Json.Content(update));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Assert.Single(_connector.Calls, call => call.Activity["type"]?.GetValue<string>() == "message");
        Assert.Equal(EchoTestBot.Welcome, welcome.Text);
        Assert.Equal(_conversationId, welcome.ConversationId);
        Assert.Equal(update["id"]!.GetValue<string>(), welcome.ReplyToId);
        Assert.Equal(_userId, welcome.Activity["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal(_botId, welcome.Activity["from"]!["id"]!.GetValue<string>());
        Assert.Equal(string.Empty, welcome.Authorization);
    }

    [Fact]
    public async Task A_question_typed_in_the_Emulator_is_answered_through_its_connector()
    {
        await _client.PostAsync("api/messages", Json.Content(ConversationUpdate()));
        var first = Message("How often should I deep clean my pores?", first: true);
        var second = Message("Is steaming good?", first: false);

        var firstResponse = await _client.PostAsync("api/messages", Json.Content(first));
        var secondResponse = await _client.PostAsync("api/messages", Json.Content(second));

        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondResponse.StatusCode);
        var answers = _connector.Calls.Where(call => call.ReplyToId != null && call.Text != EchoTestBot.Welcome).ToList();
        Assert.Equal(2, answers.Count);
        Assert.Equal(EchoTestBot.AnswerTo("How often should I deep clean my pores?"), answers[0].Text);
        Assert.Equal(first["id"]!.GetValue<string>(), answers[0].ReplyToId);
        Assert.Equal(EchoTestBot.AnswerTo("Is steaming good?"), answers[1].Text);
        Assert.Equal(second["id"]!.GetValue<string>(), answers[1].ReplyToId);
        Assert.All(answers, answer => Assert.Equal(_conversationId, answer.ConversationId));
        Assert.All(answers, answer => Assert.NotNull(answer.Activity["suggestedActions"]));
    }
}
