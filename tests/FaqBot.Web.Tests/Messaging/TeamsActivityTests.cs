using System.Net;
using System.Text.Json.Nodes;
using FaqBot.Web.Tests.Support;

namespace FaqBot.Web.Tests.Messaging;

/// <summary>Activities shaped as Microsoft Teams sends them (reference §3), answered in the response body via expectReplies.</summary>
public sealed class TeamsActivityTests : IDisposable
{
    private const string BotId = "28:8f0f4c3e-5d51-4b57-9a0b-2b7d8f3c1a11";
    private const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private readonly FaqBotWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static JsonObject Teams(string type, JsonObject conversation, JsonObject? channelData = null) => new()
    {
        ["type"] = type,
        ["id"] = "1700000000" + Random.Shared.Next(100000, 999999),
        ["timestamp"] = "2026-01-15T09:00:00.000Z",
        ["channelId"] = "msteams",
        ["serviceUrl"] = "https://smba.trafficmanager.net/amer/",
        ["deliveryMode"] = "expectReplies",
        ["from"] = new JsonObject { ["id"] = "29:1user-ada", ["name"] = "Ada Lovelace", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000ad" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "FaqBot" },
        ["conversation"] = conversation,
        ["channelData"] = channelData ?? new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["country"] = "US", ["platform"] = "Windows", ["timezone"] = "America/Los_Angeles" }),
        ["locale"] = "en-US",
    };

    private static JsonObject Personal() => new() { ["id"] = "a:1personal-chat-id", ["conversationType"] = "personal", ["tenantId"] = TenantId };

    private static JsonObject Channel() => new()
    {
        ["id"] = "19:general-channel@thread.tacv2;messageid=1700000000000",
        ["conversationType"] = "channel",
        ["isGroup"] = true,
        ["tenantId"] = TenantId,
    };

    private async Task<JsonArray> SendAsync(JsonObject activity)
    {
        var response = await _factory.CreateClient().PostAsync("/api/messages", Json.Content(activity));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Json.ReadObjectAsync(response))["activities"]!.AsArray();
    }

    [Fact]
    public async Task Installing_the_app_in_a_personal_chat_sends_the_welcome()
    {
        var install = Teams("conversationUpdate", Personal());
        install["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId }, new JsonObject { ["id"] = "29:1user-ada", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000ad" });

        var replies = await SendAsync(install);

        Assert.Equal([EchoTestBot.Welcome], Json.Texts(replies));
    }

    [Fact]
    public async Task A_question_in_a_personal_chat_is_answered_without_a_mention()
    {
        var message = Teams("message", Personal());
        message["text"] = "How often should I deep clean my pores?";

        var replies = await SendAsync(message);

        var reply = Assert.Single(replies)!;
        Assert.Equal(EchoTestBot.AnswerTo("How often should I deep clean my pores?"), reply["text"]!.GetValue<string>());
        Assert.Equal("a:1personal-chat-id", reply["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal("msteams", reply["channelId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_channel_message_that_mentions_the_bot_is_answered_with_the_mention_removed()
    {
        var channelData = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TenantId },
            ["team"] = new JsonObject { ["id"] = "19:team-id@thread.tacv2", ["name"] = "Skincare" },
            ["channel"] = new JsonObject { ["id"] = "19:general-channel@thread.tacv2", ["name"] = "General" },
        };
        var message = Teams("message", Channel(), channelData);
        message["text"] = "<at>FaqBot</at> Is steaming good for deep cleaning pores?\n";
        message["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "FaqBot" },
            ["text"] = "<at>FaqBot</at>",
        });

        var replies = await SendAsync(message);

        var reply = Assert.Single(replies)!;
        Assert.Equal(EchoTestBot.AnswerTo("Is steaming good for deep cleaning pores?"), reply["text"]!.GetValue<string>());
        Assert.StartsWith("19:general-channel@thread.tacv2", reply["conversation"]!["id"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
