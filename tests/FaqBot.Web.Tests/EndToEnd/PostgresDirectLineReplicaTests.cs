using System.Net;
using System.Net.WebSockets;
using FaqBot.Web.Tests.DirectLine;
using FaqBot.Web.Tests.Support;

namespace FaqBot.Web.Tests.EndToEnd;

/// <summary>
/// Two hosts with <c>Storage:Provider=Postgres</c> on one database, as two replicas behind a load balancer with no
/// stickiness: a Web Chat client's Direct Line requests may land on either, and its stream on either sees them all.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDirectLineReplicaTests(PostgresServer server) : IDisposable
{
    private const string SharedKey = "a-signing-key-every-replica-is-given-0123456789";
    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-dl-replicas-").FullName;

    // Below PostgresDirectLineListener.RereadInterval (30 s): a frame that arrives in time came through LISTEN/NOTIFY.
    // The timeout only turns a hang into a failure; nothing is timed.
    private static readonly TimeSpan FrameTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_stream_on_one_replica_gets_what_was_posted_through_the_other_with_the_other_replicas_token()
    {
        var connectionString = await server.CreateDatabaseAsync();
        using var first = Replica(connectionString, SharedKey);
        using var second = Replica(connectionString, SharedKey);
        var throughFirst = new DirectLineClient(first.CreateClient());
        await throughFirst.StartAsync();
        using var timeout = new CancellationTokenSource(FrameTimeout);

        using var socket = await second.Server.CreateWebSocketClient().ConnectAsync(new Uri(throughFirst.StreamUrl!), timeout.Token);
        await throughFirst.SendAsync("posted through the first replica");
        var streamed = new List<string?>();
        string? watermark = null;
        while (streamed.Count < 3)
        {
            var frame = await Json.ReceiveFrameAsync(socket, timeout.Token);
            streamed.AddRange(Json.Texts(frame["activities"]!.AsArray()));
            watermark = frame["watermark"]!.GetValue<string>();
        }

        var throughSecond = new DirectLineClient(second.CreateClient()) { Token = throughFirst.Token };
        var polled = await throughSecond.GetAsync(conversationId: throughFirst.ConversationId);
        string[] expected = [EchoTestBot.Welcome, "posted through the first replica", EchoTestBot.AnswerTo("posted through the first replica")];
        Assert.Equal(expected, streamed);
        Assert.Equal("3", watermark);
        Assert.Equal(HttpStatusCode.OK, polled.StatusCode);
        Assert.Equal(expected, Json.Texts((await Json.ReadObjectAsync(polled))["activities"]!.AsArray()));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
    }

    [Fact]
    public async Task Without_a_configured_key_a_token_from_one_replica_opens_the_conversation_on_the_other()
    {
        var connectionString = await server.CreateDatabaseAsync();
        using var first = Replica(connectionString, signingKey: null);
        using var second = Replica(connectionString, signingKey: null);
        var throughFirst = new DirectLineClient(first.CreateClient());
        await throughFirst.StartAsync();
        var throughSecond = new DirectLineClient(second.CreateClient()) { Token = throughFirst.Token };

        var posted = await throughSecond.PostAsync(throughSecond.WebChatMessage("posted through the second replica"), throughFirst.ConversationId);
        var read = await throughFirst.ReadAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("posted through the second replica", Json.Texts(read.Activities));
        Assert.Contains(EchoTestBot.AnswerTo("posted through the second replica"), Json.Texts(read.Activities));
    }

    private FaqBotWebFactory Replica(string connectionString, string? signingKey) => new(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Postgres",
        ["ConnectionStrings:FaqBot"] = connectionString,
        ["DirectLine:TokenSigningKey"] = signingKey,
        ["Bot:DataDirectory"] = _folder,
    })
    {
        // Each replica keeps its own clock; the database holds what they share.
        UseManualClock = false,
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
