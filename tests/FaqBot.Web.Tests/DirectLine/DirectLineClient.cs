using System.Net;
using System.Text.Json.Nodes;
using FaqBot.Web.Tests.Support;

namespace FaqBot.Web.Tests.DirectLine;

/// <summary>Talks to /v3/directline the way DirectLineJS (Web Chat 4.18) does.</summary>
internal sealed class DirectLineClient(HttpClient http)
{
    public string ConversationId { get; private set; } = string.Empty;

    public string Token { get; set; } = string.Empty;

    public string? StreamUrl { get; private set; }

    public int ExpiresIn { get; private set; }

    public string UserId { get; } = "user-" + Guid.NewGuid().ToString("N")[..8];

    public async Task<HttpResponseMessage> StartAsync()
    {
        var response = await http.SendAsync(Json.Post("/v3/directline/conversations", new JsonObject { ["user"] = new JsonObject { ["id"] = UserId } }, string.IsNullOrEmpty(Token) ? null : Token));
        if (response.IsSuccessStatusCode)
        {
            var body = await Json.ReadObjectAsync(response);
            ConversationId = body["conversationId"]!.GetValue<string>();
            Token = body["token"]!.GetValue<string>();
            StreamUrl = body["streamUrl"]?.GetValue<string>();
            ExpiresIn = body["expires_in"]!.GetValue<int>();
        }

        return response;
    }

    public JsonObject WebChatMessage(string text) => new()
    {
        ["type"] = "message",
        ["text"] = text,
        ["textFormat"] = "plain",
        ["channelId"] = "webchat",
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "You", ["role"] = "user" },
        ["locale"] = "en-US",
        ["localTimestamp"] = "2026-01-15T10:00:00.000+01:00",
        ["localTimezone"] = "Europe/Paris",
        ["attachments"] = new JsonArray(),
        ["channelData"] = new JsonObject { ["attachmentSizes"] = new JsonArray(), ["clientActivityID"] = "cid-" + Guid.NewGuid().ToString("N")[..10] },
    };

    public Task<HttpResponseMessage> PostAsync(JsonObject activity, string? conversationId = null) =>
        http.SendAsync(Json.Post($"/v3/directline/conversations/{conversationId ?? ConversationId}/activities", activity, Token));

    public async Task<string> SendAsync(string text)
    {
        var response = await PostAsync(WebChatMessage(text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Json.ReadObjectAsync(response))["id"]!.GetValue<string>();
    }

    public Task<HttpResponseMessage> GetAsync(string watermark = "", string? conversationId = null) =>
        http.SendAsync(Json.Get($"/v3/directline/conversations/{conversationId ?? ConversationId}/activities?watermark={watermark}", Token));

    public async Task<(JsonArray Activities, string Watermark)> ReadAsync(string watermark = "")
    {
        var response = await GetAsync(watermark);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadObjectAsync(response);
        return (body["activities"]!.AsArray(), body["watermark"]!.GetValue<string>());
    }
}
