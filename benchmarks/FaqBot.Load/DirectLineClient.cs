using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FaqBot.Load;

/// <summary>
/// The built-in Direct Line as the bot's Web Chat page uses it, without the WebSocket: the page's token request
/// (<c>POST api/directline/token</c>), the conversation start with that token, then each message posted and the
/// activities since the watermark read until the bot's reply to it is there. Behind a load balancer each request may
/// land on another replica; <c>X-Served-By</c> of the post names the replica that ran the turn.
/// </summary>
internal sealed class DirectLineClient(HttpClient http)
{
    // Web Chat polls once a second; the check re-polls sooner so a reply is seen soon after the turn stored it.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan ReplyWait = TimeSpan.FromSeconds(20);

    /// <summary>Gets a token as the page does and starts its conversation; the reply is Ok with no messages.</summary>
    public async Task<(TurnReply Reply, DirectLineChat? Chat)> StartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var session = await http.PostAsync("api/directline/token", content: null, cancellationToken);
            if (!session.IsSuccessStatusCode)
            {
                return (Failed($"HTTP {(int)session.StatusCode} on the token", session, started), null);
            }

            var page = JsonNode.Parse(await session.Content.ReadAsStringAsync(cancellationToken))!;
            using var start = Request(HttpMethod.Post, "v3/directline/conversations", (string)page["token"]!);
            using var opened = await http.SendAsync(start, cancellationToken);
            if (!opened.IsSuccessStatusCode)
            {
                return (Failed($"HTTP {(int)opened.StatusCode} on the start", opened, started), null);
            }

            var conversation = JsonNode.Parse(await opened.Content.ReadAsStringAsync(cancellationToken))!;
            var chat = new DirectLineChat((string)conversation["conversationId"]!, (string)conversation["token"]!, (string)page["userId"]!);
            return (new TurnReply(true, string.Empty, [], ServedBy(opened), started, Stopwatch.GetTimestamp()), chat);
        }
        catch (Exception ex) when (IsTransport(ex, cancellationToken))
        {
            return (new TurnReply(false, ex.GetType().Name, [], null, started, Stopwatch.GetTimestamp()), null);
        }
    }

    /// <summary>Posts <paramref name="text"/> and reads the activities until the bot's messages replying to it arrive.</summary>
    public async Task<TurnReply> SendAsync(DirectLineChat chat, string text, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var post = Request(HttpMethod.Post, chat.ActivitiesPath, chat.Token);
            post.Content = JsonContent.Create(new
            {
                type = "message",
                text,
                textFormat = "plain",
                locale = "en-US",
                from = new { id = chat.UserId, name = "Check", role = "user" },
                channelData = new { clientActivityID = Guid.NewGuid().ToString("N") },
            });
            using var posted = await http.SendAsync(post, cancellationToken);
            var servedBy = ServedBy(posted);
            if (!posted.IsSuccessStatusCode)
            {
                return Failed($"HTTP {(int)posted.StatusCode} on a post", posted, started);
            }

            var id = (string)JsonNode.Parse(await posted.Content.ReadAsStringAsync(cancellationToken))!["id"]!;
            chat.Seen.Add(id);
            var deadline = Stopwatch.GetTimestamp() + (long)(ReplyWait.TotalSeconds * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                using var get = Request(HttpMethod.Get, $"{chat.ActivitiesPath}?watermark={Uri.EscapeDataString(chat.Watermark)}", chat.Token);
                using var got = await http.SendAsync(get, cancellationToken);
                if (!got.IsSuccessStatusCode)
                {
                    return Failed($"HTTP {(int)got.StatusCode} reading activities", got, started);
                }

                var set = JsonNode.Parse(await got.Content.ReadAsStringAsync(cancellationToken))!;
                chat.Watermark = (string?)set["watermark"] ?? chat.Watermark;
                var activities = set["activities"]!.AsArray();
                chat.Seen.AddRange(activities.Select(a => (string?)a?["id"]).OfType<string>());
                var replies = activities
                    .Where(a => (string?)a?["type"] == "message" && (string?)a?["replyToId"] == id && (string?)a?["from"]?["id"] != chat.UserId)
                    .Select(a => new BotMessage(
                        (string?)a!["text"] ?? string.Empty,
                        a["suggestedActions"]?["actions"]?.AsArray().Select(x => (string?)x?["title"] ?? string.Empty).ToList() ?? []))
                    .ToList();
                if (replies.Count > 0)
                {
                    return new TurnReply(true, string.Empty, replies, servedBy, started, Stopwatch.GetTimestamp());
                }

                await Task.Delay(PollInterval, cancellationToken);
            }

            return new TurnReply(false, "no reply within 20 s", [], servedBy, started, Stopwatch.GetTimestamp());
        }
        catch (Exception ex) when (IsTransport(ex, cancellationToken))
        {
            return new TurnReply(false, ex.GetType().Name, [], null, started, Stopwatch.GetTimestamp());
        }
    }

    /// <summary>
    /// Reads the whole history (no watermark), as Web Chat does when it reconnects without one: Kept when every activity
    /// this user has seen in the conversation is still there.
    /// </summary>
    public async Task<(TurnReply Reply, bool Kept)> ReadHistoryAsync(DirectLineChat chat, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var get = Request(HttpMethod.Get, chat.ActivitiesPath, chat.Token);
            using var got = await http.SendAsync(get, cancellationToken);
            if (!got.IsSuccessStatusCode)
            {
                return (Failed($"HTTP {(int)got.StatusCode} reading the history", got, started), false);
            }

            var ids = JsonNode.Parse(await got.Content.ReadAsStringAsync(cancellationToken))!["activities"]!.AsArray()
                .Select(a => (string?)a?["id"]).OfType<string>().ToHashSet(StringComparer.Ordinal);
            return (new TurnReply(true, string.Empty, [], ServedBy(got), started, Stopwatch.GetTimestamp()), chat.Seen.All(ids.Contains));
        }
        catch (Exception ex) when (IsTransport(ex, cancellationToken))
        {
            return (new TurnReply(false, ex.GetType().Name, [], null, started, Stopwatch.GetTimestamp()), false);
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static TurnReply Failed(string failure, HttpResponseMessage response, long started) =>
        new(false, failure, [], ServedBy(response), started, Stopwatch.GetTimestamp());

    private static string? ServedBy(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Served-By", out var values) ? values.FirstOrDefault() : null;

    private static bool IsTransport(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or JsonException or InvalidOperationException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested);
}
