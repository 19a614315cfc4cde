using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FaqBot.Bot;
using FaqBot.Classifier.Answering;
using FaqBot.Web.Messaging;
using FaqBot.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.Security;

/// <summary>
/// Activities an anonymous client can send in local mode that once failed the turn: the error handler then cleared the
/// conversation's state, and on <c>channelId: emulator</c> sent anyone the stack trace with the host's source paths.
/// </summary>
public sealed class MalformedActivityTests : IDisposable
{
    private const string BotId = "28:faqbot";

    private readonly FaqBotWebFactory _factory = new()
    {
        UseTestBot = false,
        ConfigureServices = services => FaqBotWebFactory.Serve(services, new FakeAnswerEngine(
            new AnswerEngineStatus(true, 1, "test", null),
            question => question == "boom"
                ? throw new InvalidOperationException("The fake engine was told to fail.")
                : new Answered(question, new Answer("e1", "a1", "Title", "The answer.", "Article › Section", null, 0.9f, HasMore: true), []))),
    };

    private readonly string _conversation = "conversation-" + Guid.NewGuid().ToString("n");

    public static TheoryData<string, string> Malformed => new()
    {
        { "a Teams mention without text", """{"type":"message","channelId":"msteams","text":"<at>FaqBot</at> hi","entities":[{"type":"mention","mentioned":{"id":"28:faqbot","name":"FaqBot"}}]}""" },
        { "a Teams mention without text or name", """{"type":"message","channelId":"msteams","text":"<at>FaqBot</at> hi","entities":[{"type":"mention","mentioned":{"id":"28:faqbot"}}]}""" },
        { "a Teams message without text that mentions the bot", """{"type":"message","channelId":"msteams","entities":[{"type":"mention","text":"<at>FaqBot</at>","mentioned":{"id":"28:faqbot"}}]}""" },
        { "a Teams mention without an account", """{"type":"message","channelId":"msteams","text":"<at>FaqBot</at> hi","entities":[{"type":"mention","text":"<at>FaqBot</at>"},null]}""" },
        { "a Teams mention whose text is not a valid pattern", """{"type":"message","channelId":"msteams","text":"(( hi","entities":[{"type":"mention","text":"((","mentioned":{"id":"28:faqbot"}}]}""" },
        { "a Teams message with a null recipient", """{"type":"message","channelId":"msteams","text":"<at>FaqBot</at> hi","recipient":null,"entities":[{"type":"mention","text":"<at>FaqBot</at>","mentioned":{"id":"28:faqbot"}}]}""" },
        { "an Emulator message with a null recipient", """{"type":"message","channelId":"emulator","text":"hi","recipient":null}""" },
        { "membersAdded: [null] on the Emulator", """{"type":"conversationUpdate","channelId":"emulator","membersAdded":[null],"membersRemoved":[null]}""" },
        { "membersAdded: [null] on Teams", """{"type":"conversationUpdate","channelId":"msteams","membersAdded":[null,{"id":"29:someone"}]}""" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_activity_neither_fails_the_turn_nor_loses_the_conversation_state(string what, string json)
    {
        var channel = JsonNode.Parse(json)!["channelId"]!.GetValue<string>();
        Assert.Contains(Texts(await SendAsync(Message(channel, "how often?"))), t => t.StartsWith("The answer.", StringComparison.Ordinal));

        var replies = Texts(await SendAsync(Activity(json)));

        Assert.DoesNotContain(FaqBotTurnErrorHandler.Apology, replies);
        var more = Texts(await SendAsync(Message(channel, "Tell me more")));
        Assert.True(more.Any(t => t.Contains("can't find that answer any more", StringComparison.Ordinal)), $"after {what} the last answer was forgotten: {string.Join(" | ", more)}");
    }

    [Fact]
    public async Task A_failing_turn_claiming_to_be_the_emulator_from_another_machine_gets_only_the_apology()
    {
        var replies = await SendAsync(Message("emulator", "boom"), IPAddress.Parse("203.0.113.9"));

        Assert.Equal([FaqBotTurnErrorHandler.Apology], Texts(replies));
        Assert.DoesNotContain(replies, r => r?["type"]?.GetValue<string>() == "trace");
        Assert.DoesNotContain("InvalidOperationException", replies.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", replies.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_turn_behind_a_proxy_on_this_machine_gets_only_the_apology()
    {
        var replies = await SendAsync(Message("emulator", "boom"), IPAddress.Loopback, forwardedFor: "203.0.113.9");

        Assert.Equal([FaqBotTurnErrorHandler.Apology], Texts(replies));
        Assert.DoesNotContain(replies, r => r?["type"]?.GetValue<string>() == "trace");
    }

    [Fact]
    public async Task A_local_emulator_gets_the_apology_and_the_error_trace()
    {
        var replies = await SendAsync(Message("emulator", "boom"), IPAddress.Loopback);

        Assert.Contains(FaqBotTurnErrorHandler.Apology, Texts(replies));
        var trace = Assert.Single(replies, r => r?["type"]?.GetValue<string>() == "trace")!;
        Assert.Contains("The fake engine was told to fail.", trace["value"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_app_id_even_a_local_emulator_gets_no_trace()
    {
        using var factory = new FaqBotWebFactory(new Dictionary<string, string?> { ["MicrosoftAppId"] = Guid.NewGuid().ToString() });
        var adapter = factory.Services.GetRequiredService<FaqBotCloudAdapter>();
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Loopback;

        Assert.False(adapter.IsLocalEmulator(context.Request));
    }

    private JsonObject Message(string channel, string text) => Activity($$"""{"type":"message","channelId":"{{channel}}","text":"{{text}}"}""");

    private JsonObject Activity(string json)
    {
        var activity = JsonNode.Parse(json)!.AsObject();
        activity["id"] = Guid.NewGuid().ToString("n");
        activity["serviceUrl"] = "http://127.0.0.1:1/";
        activity["deliveryMode"] = "expectReplies";
        activity["conversation"] = new JsonObject { ["id"] = _conversation };
        activity["from"] ??= new JsonObject { ["id"] = "29:user", ["name"] = "User" };
        if (!activity.ContainsKey("recipient"))
        {
            activity["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "FaqBot" };
        }

        return activity;
    }

    private async Task<JsonArray> SendAsync(JsonObject activity, IPAddress? from = null, string? forwardedFor = null)
    {
        var body = Encoding.UTF8.GetBytes(activity.ToJsonString());
        var context = await _factory.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Post;
            http.Request.Path = "/api/messages";
            http.Request.ContentType = "application/json";
            http.Request.ContentLength = body.Length;
            http.Request.Body = new MemoryStream(body);
            http.Connection.RemoteIpAddress = from;
            if (forwardedFor is not null)
            {
                http.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
        });

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        var response = await JsonNode.ParseAsync(context.Response.Body);
        return response?["activities"]?.AsArray() ?? [];
    }

    private static List<string> Texts(JsonArray activities) => [.. Json.Texts(activities).OfType<string>()];

    public void Dispose() => _factory.Dispose();
}
