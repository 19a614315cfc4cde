using System.Net;
using System.Text.Json.Nodes;
using FaqBot.Bot;
using FaqBot.Web.Messaging;
using FaqBot.Web.Tests.Support;

namespace FaqBot.Web.Tests.DirectLine;

public sealed class DirectLineFlowTests : IDisposable
{
    private readonly FaqBotWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private DirectLineClient NewClient() => new(_factory.CreateClient());

    [Fact]
    public async Task Starting_a_conversation_returns_its_id_a_scoped_token_and_a_stream_url()
    {
        var client = NewClient();

        var response = await client.StartAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1800, client.ExpiresIn);
        Assert.False(string.IsNullOrEmpty(client.ConversationId));
        Assert.StartsWith("ws://", client.StreamUrl, StringComparison.Ordinal);
        Assert.Contains($"/v3/directline/conversations/{client.ConversationId}/stream?t=", client.StreamUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_generated_token_starts_the_conversation_it_was_issued_for()
    {
        var http = _factory.CreateClient();
        var generated = await Json.ReadObjectAsync(await http.PostAsync("/v3/directline/tokens/generate", null));
        var client = new DirectLineClient(http) { Token = generated["token"]!.GetValue<string>() };

        var first = await client.StartAsync();
        var again = await client.StartAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(generated["conversationId"]!.GetValue<string>(), client.ConversationId);
    }

    [Fact]
    public async Task Posting_a_message_echoes_it_with_its_client_activity_id_and_the_bot_answers_after_the_welcome()
    {
        var client = NewClient();
        await client.StartAsync();
        var message = client.WebChatMessage("How often should I deep clean my pores?");

        var response = await client.PostAsync(message);
        var (activities, watermark) = await client.ReadAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await Json.ReadObjectAsync(response))["id"]!.GetValue<string>();
        Assert.Equal(client.ConversationId + "|0000002", id);
        Assert.Equal([EchoTestBot.Welcome, "How often should I deep clean my pores?", EchoTestBot.AnswerTo("How often should I deep clean my pores?")], Json.Texts(activities));
        var echo = activities[1]!;
        Assert.Equal(id, echo["id"]!.GetValue<string>());
        Assert.Equal(message["channelData"]!["clientActivityID"]!.GetValue<string>(), echo["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal(client.UserId, echo["from"]!["id"]!.GetValue<string>());
        Assert.All(activities, activity => Assert.Equal("directline", activity!["channelId"]!.GetValue<string>()));
        Assert.All(activities, activity => Assert.Equal(client.ConversationId, activity!["conversation"]!["id"]!.GetValue<string>()));
        Assert.Equal("faqbot", activities[2]!["from"]!["id"]!.GetValue<string>());
        Assert.Equal(2, activities[2]!["suggestedActions"]!["actions"]!.AsArray().Count);
        Assert.Equal("3", watermark);
    }

    [Fact]
    public async Task The_watermark_returns_only_newer_activities()
    {
        var client = NewClient();
        await client.StartAsync();
        await client.SendAsync("first");
        var (_, watermark) = await client.ReadAsync();

        var (none, unchanged) = await client.ReadAsync(watermark);
        await client.SendAsync("second");
        var (newer, advanced) = await client.ReadAsync(watermark);

        Assert.Empty(none);
        Assert.Equal(watermark, unchanged);
        Assert.Equal(["second", EchoTestBot.AnswerTo("second")], Json.Texts(newer));
        Assert.Equal("5", advanced);
    }

    [Fact]
    public async Task The_bot_sees_one_conversationUpdate_for_the_user_before_the_first_message_only()
    {
        var client = NewClient();
        await client.StartAsync();

        await client.SendAsync("one");
        await client.SendAsync("two");

        var types = _factory.TurnLog.Activities.Select(activity => activity.Type).ToList();
        Assert.Equal(["conversationUpdate", "message", "message"], types);
        Assert.All(_factory.TurnLog.Activities, activity => Assert.Equal("directline", activity.ChannelId));
    }

    [Fact]
    public async Task A_join_event_from_the_page_gets_the_welcome_before_anything_is_typed()
    {
        var client = NewClient();
        await client.StartAsync();
        var join = new JsonObject
        {
            ["type"] = "event",
            ["name"] = "webchat/join",
            ["from"] = new JsonObject { ["id"] = client.UserId, ["role"] = "user" },
        };

        var response = await client.PostAsync(join);
        var (activities, _) = await client.ReadAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(EchoTestBot.Welcome, activities[0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failing_turn_leaves_an_apology_in_the_conversation()
    {
        var client = NewClient();
        await client.StartAsync();

        await client.SendAsync("boom");
        var (activities, _) = await client.ReadAsync();

        Assert.Contains(FaqBotTurnErrorHandler.Apology, Json.Texts(activities));
    }

    [Theory]
    [InlineData("{\"type\":\"message\",")]
    [InlineData("{\"text\":\"no type\",\"from\":{\"id\":\"u\"}}")]
    [InlineData("{\"type\":\"message\",\"text\":\"no sender\"}")]
    public async Task Malformed_activities_get_400_and_never_reach_the_bot(string body)
    {
        var client = NewClient();
        await client.StartAsync();
        var http = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities") { Content = Json.Content(body) };
        request.Headers.Authorization = new("Bearer", client.Token);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_factory.TurnLog.Activities);
    }

    [Fact]
    public async Task An_activity_over_256_KB_gets_413_and_never_reaches_the_bot()
    {
        var client = NewClient();
        await client.StartAsync();

        var response = await client.PostAsync(client.WebChatMessage(new string('x', ActivityRequestGuard.MaxBodyBytes)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_factory.TurnLog.Activities);
    }

    [Fact]
    public async Task History_is_bounded_per_conversation_keeping_the_newest()
    {
        using var factory = new FaqBotWebFactory(new Dictionary<string, string?> { ["DirectLine:MaxActivitiesPerConversation"] = "10" });
        var client = new DirectLineClient(factory.CreateClient());
        await client.StartAsync();
        for (var i = 1; i <= 6; i++)
        {
            await client.SendAsync("question " + i);
        }

        var (activities, watermark) = await client.ReadAsync();

        Assert.Equal(10, activities.Count);
        Assert.Equal("13", watermark);
        Assert.Equal(EchoTestBot.AnswerTo("question 6"), activities[^1]!["text"]!.GetValue<string>());
    }
}
