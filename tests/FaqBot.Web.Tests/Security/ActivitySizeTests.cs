using System.Net;
using System.Text.Json.Nodes;
using FaqBot.Classifier.Answering;
using FaqBot.Web.DirectLine;
using FaqBot.Web.Messaging;
using FaqBot.Web.Tests.DirectLine;
using FaqBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.Security;

/// <summary>
/// Issue 17 item 2: memory was capped by count, not by size. Ids, names and member lists are capped where they enter the
/// host (both endpoints), and a Direct Line message longer than the bot accepts is kept trimmed in the history.
/// </summary>
public sealed class ActivitySizeTests
{
    private static readonly string TooLong = new('i', ActivityLimits.MaxIdLength + 1);

    public static TheoryData<string, Action<JsonObject>> Overlong => new()
    {
        { "conversation.id", a => a["conversation"]!["id"] = TooLong },
        { "from.id", a => a["from"]!["id"] = TooLong },
        { "from.name", a => a["from"]!["name"] = TooLong },
        { "recipient.id", a => a["recipient"]!["id"] = TooLong },
        { "channelId", a => a["channelId"] = "emulator" + TooLong },
        { "membersAdded[1].id", a => Update(a, "membersAdded", new JsonObject { ["id"] = "user-1" }, new JsonObject { ["id"] = TooLong }) },
        { "membersRemoved[0].name", a => Update(a, "membersRemoved", new JsonObject { ["id"] = "user-1", ["name"] = TooLong }) },
    };

    [Theory]
    [MemberData(nameof(Overlong))]
    public async Task An_overlong_id_or_name_on_api_messages_gets_400_naming_the_field_and_never_reaches_the_bot(string field, Action<JsonObject> spoil)
    {
        using var factory = new FaqBotWebFactory();
        var activity = Json.EmulatorMessage();
        spoil(activity);

        var response = await factory.CreateClient().PostAsync("/api/messages", Json.Content(activity));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(field, body, StringComparison.Ordinal);
        Assert.Contains("256", body, StringComparison.Ordinal);
        Assert.Empty(factory.TurnLog.Activities);
    }

    [Fact]
    public async Task Ids_and_names_of_256_characters_are_accepted()
    {
        using var factory = new FaqBotWebFactory();
        var longest = new string('i', ActivityLimits.MaxIdLength);
        var activity = Json.EmulatorMessage();
        activity["conversation"]!["id"] = longest;
        activity["from"] = new JsonObject { ["id"] = longest, ["name"] = longest };

        var response = await factory.CreateClient().PostAsync("/api/messages", Json.Content(activity));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(factory.TurnLog.Activities);
    }

    [Fact]
    public async Task A_member_list_longer_than_the_cap_gets_400_and_never_reaches_the_bot()
    {
        using var factory = new FaqBotWebFactory();
        var activity = Json.EmulatorMessage();
        Update(activity, "membersAdded", [.. Enumerable.Range(0, ActivityLimits.MaxMembers + 1).Select(i => new JsonObject { ["id"] = "m" + i })]);

        var response = await factory.CreateClient().PostAsync("/api/messages", Json.Content(activity));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("membersAdded", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(factory.TurnLog.Activities);
    }

    [Theory]
    [InlineData("from.id")]
    [InlineData("from.name")]
    public async Task An_overlong_user_id_or_name_on_Direct_Line_gets_400_and_never_reaches_the_bot(string field)
    {
        using var factory = new FaqBotWebFactory();
        var client = new DirectLineClient(factory.CreateClient());
        await client.StartAsync();
        var message = client.WebChatMessage("hello");
        message["from"]![field[5..]] = TooLong;

        var response = await client.PostAsync(message);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(factory.TurnLog.Activities);
    }

    [Fact]
    public async Task A_Direct_Line_message_longer_than_the_bot_accepts_reaches_the_bot_whole_and_is_kept_trimmed_in_the_history()
    {
        using var factory = new FaqBotWebFactory(new Dictionary<string, string?> { ["Bot:MaxQuestionLength"] = "100" });
        var client = new DirectLineClient(factory.CreateClient());
        await client.StartAsync();
        var text = new string('q', 200_000);

        var id = await client.SendAsync(text);

        Assert.Contains(factory.TurnLog.Activities, a => a.AsMessageActivity()?.Text == text);
        var (activities, _) = await client.ReadAsync();
        var echo = activities.Single(a => a!["id"]!.GetValue<string>() == id)!;
        var kept = echo["text"]!.GetValue<string>();
        Assert.True(kept.Length <= 101, $"the history kept {kept.Length} characters");
        Assert.StartsWith(new string('q', 100), kept, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flood_of_250_KB_questions_on_five_conversations_keeps_the_history_small()
    {
        // The flood (5 conversations x 500 posts of 250 KB) with bounded counts, against the real bot.
        using var factory = new FaqBotWebFactory
        {
            UseTestBot = false,
            ConfigureServices = services => FaqBotWebFactory.Serve(services, new FakeAnswerEngine(new AnswerEngineStatus(true, 1, "test", null))),
        };
        var http = factory.CreateClient();
        var question = new string('q', 250 * 1024 - 1024);
        for (var c = 0; c < 5; c++)
        {
            var client = new DirectLineClient(http);
            await client.StartAsync();
            for (var i = 0; i < 10; i++)
            {
                await client.SendAsync(question);
            }
        }

        var store = factory.Services.GetRequiredService<MemoryDirectLineStore>();
        Assert.Equal(5, store.Count);
        Assert.True(store.Bytes < 5 * 10 * 16 * 1024, $"the Direct Line history holds {store.Bytes:N0} bytes for 50 refused questions");
    }

    private static void Update(JsonObject activity, string list, params JsonObject[] members)
    {
        activity["type"] = "conversationUpdate";
        activity.Remove("text");
        activity[list] = new JsonArray([.. members]);
    }
}
