using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FaqBot.Bot;
using FaqBot.Web.Messaging;
using FaqBot.Web.Tests.Support;

namespace FaqBot.Web.Tests.Messaging;

public sealed class ApiMessagesTests : IDisposable
{
    private readonly FaqBotWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static JsonObject Message(string text, string deliveryMode = "expectReplies") => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["text"] = text,
        ["channelId"] = "emulator",
        ["serviceUrl"] = "http://127.0.0.1:9/",
        ["deliveryMode"] = deliveryMode,
        ["conversation"] = new JsonObject { ["id"] = "conv-1" },
        ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "User", ["role"] = "user" },
        ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "Bot", ["role"] = "bot" },
    };

    [Fact]
    public async Task A_message_with_expectReplies_gets_the_replies_in_the_response_body()
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsync("/api/messages", Json.Content(Message("what is a pore?")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadObjectAsync(response);
        var reply = Assert.Single(body["activities"]!.AsArray())!;
        Assert.Equal(EchoTestBot.AnswerTo("what is a pore?"), reply["text"]!.GetValue<string>());
        Assert.Equal(2, reply["suggestedActions"]!["actions"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_failing_turn_answers_with_an_apology_instead_of_a_500()
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsync("/api/messages", Json.Content(Message("boom")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadObjectAsync(response);
        Assert.Contains(FaqBotTurnErrorHandler.Apology, Json.Texts(body["activities"]!.AsArray()));
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"text\":")]
    [InlineData("not json at all")]
    [InlineData("[{\"type\":\"message\"}]")]
    [InlineData("{\"text\":\"no type\"}")]
    [InlineData("{\"type\":\"\"}")]
    [InlineData("")]
    public async Task Malformed_json_or_an_activity_without_type_is_refused_with_400_before_the_bot(string body)
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsync("/api/messages", Json.Content(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_factory.TurnLog.Activities);
    }

    [Fact]
    public async Task A_body_over_256_KB_with_Content_Length_is_refused_with_413_before_the_bot()
    {
        var client = _factory.CreateClient();
        var message = Message(new string('a', ActivityRequestGuard.MaxBodyBytes));

        var content = Json.Content(message);
        await content.LoadIntoBufferAsync();
        Assert.NotNull(content.Headers.ContentLength);
        var response = await client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_factory.TurnLog.Activities);
    }

    [Fact]
    public async Task A_chunked_body_over_256_KB_is_refused_with_413_before_the_bot()
    {
        var baseAddress = _factory.StartOnLoopback();
        using var client = new HttpClient { BaseAddress = baseAddress };
        var bytes = Encoding.UTF8.GetBytes(Message(new string('a', ActivityRequestGuard.MaxBodyBytes)).ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StreamContent(new MemoryStream(bytes)),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_factory.TurnLog.Activities);
    }

    [Fact]
    public async Task A_chunked_body_under_the_limit_reaches_the_bot()
    {
        var baseAddress = _factory.StartOnLoopback();
        using var client = new HttpClient { BaseAddress = baseAddress };
        var bytes = Encoding.UTF8.GetBytes(Message("chunked hello").ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StreamContent(new MemoryStream(bytes)),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadObjectAsync(response);
        Assert.Contains(EchoTestBot.AnswerTo("chunked hello"), Json.Texts(body["activities"]!.AsArray()));
    }

    [Fact]
    public async Task A_GET_on_the_messaging_endpoint_is_405()
    {
        var client = _factory.CreateClient();

        var response = await client.GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
