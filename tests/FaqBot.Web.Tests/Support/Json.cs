using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace FaqBot.Web.Tests.Support;

/// <summary>Small helpers for posting and reading JSON the way channels do.</summary>
internal static class Json
{
    /// <summary>A new Emulator conversation's message asking for its replies in the response (expectReplies), from loopback.</summary>
    public static JsonObject EmulatorMessage(string text = "hello") => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("n"),
        ["text"] = text,
        ["channelId"] = "emulator",
        ["serviceUrl"] = "http://127.0.0.1:1/",
        ["deliveryMode"] = "expectReplies",
        ["conversation"] = new JsonObject { ["id"] = "conversation-" + Guid.NewGuid().ToString("n") },
        ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "User" },
        ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "Bot" },
    };

    public static StringContent Content(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Content(JsonNode json) => Content(json.ToJsonString());

    public static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response) =>
        (await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync()))!.AsObject();

    public static HttpRequestMessage Post(string url, JsonNode body, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Content(body) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }

    public static HttpRequestMessage Get(string url, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }

    /// <summary>The next message of a Direct Line stream, read whole however many frames it spans.</summary>
    public static async Task<JsonObject> ReceiveFrameAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!.AsObject();
    }

    public static IEnumerable<string?> Texts(JsonArray activities) =>
        activities.Select(activity => activity?["text"]?.GetValue<string>());
}
