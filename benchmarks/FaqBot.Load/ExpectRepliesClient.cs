using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FaqBot.Load;

/// <summary>
/// Posts one user message to <c>/api/messages</c> with <c>deliveryMode: expectReplies</c>, so the bot's replies come back in
/// the response body and a turn is one request (no callback service is needed).
/// </summary>
internal sealed class ExpectRepliesClient(HttpClient http)
{
    public async Task<TurnReply> SendAsync(string conversationId, string text, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var activity = new
        {
            type = "message",
            id = Guid.NewGuid().ToString("N"),
            channelId = "directline",
            serviceUrl = "http://127.0.0.1:9/",
            deliveryMode = "expectReplies",
            conversation = new { id = conversationId },
            from = new { id = $"user-{conversationId}", name = "Load", role = "user" },
            recipient = new { id = "faqbot", name = "FaqBot", role = "bot" },
            locale = "en-US",
            text,
        };
        try
        {
            using var response = await http.PostAsJsonAsync("api/messages", activity, cancellationToken);
            var servedBy = response.Headers.TryGetValues("X-Served-By", out var values) ? values.FirstOrDefault() : null;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return new TurnReply(false, $"HTTP {(int)response.StatusCode}", [], servedBy, started, Stopwatch.GetTimestamp());
            }

            var messages = JsonNode.Parse(body)?["activities"]?.AsArray()
                .Where(a => (string?)a?["type"] == "message")
                .Select(a => new BotMessage(
                    (string?)a!["text"] ?? string.Empty,
                    a["suggestedActions"]?["actions"]?.AsArray().Select(x => (string?)x?["title"] ?? string.Empty).ToList() ?? []))
                .ToList() ?? [];
            return new TurnReply(messages.Count > 0, messages.Count > 0 ? string.Empty : "no message in the reply", messages, servedBy, started, Stopwatch.GetTimestamp());
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new TurnReply(false, ex.GetType().Name, [], null, started, Stopwatch.GetTimestamp());
        }
    }
}
