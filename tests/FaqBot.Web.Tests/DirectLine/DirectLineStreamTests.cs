using System.Net.WebSockets;
using FaqBot.Web.Tests.Support;

namespace FaqBot.Web.Tests.DirectLine;

public sealed class DirectLineStreamTests : IDisposable
{
    private readonly FaqBotWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_stream_pushes_the_welcome_the_echo_and_the_answer_as_they_happen()
    {
        var client = new DirectLineClient(_factory.CreateClient());
        await client.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var socket = await _factory.Server.CreateWebSocketClient().ConnectAsync(new Uri(client.StreamUrl!), timeout.Token);

        await client.SendAsync("streamed question");
        var texts = new List<string?>();
        string? watermark = null;
        while (texts.Count < 3)
        {
            var frame = await Json.ReceiveFrameAsync(socket, timeout.Token);
            texts.AddRange(Json.Texts(frame["activities"]!.AsArray()));
            watermark = frame["watermark"]!.GetValue<string>();
        }

        Assert.Equal([EchoTestBot.Welcome, "streamed question", EchoTestBot.AnswerTo("streamed question")], texts);
        Assert.Equal("3", watermark);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
    }

    [Fact]
    public async Task Reconnecting_with_a_watermark_streams_only_what_came_after_it()
    {
        var http = _factory.CreateClient();
        var client = new DirectLineClient(http);
        await client.StartAsync();
        await client.SendAsync("before the drop");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var reconnect = await Json.ReadObjectAsync(await http.SendAsync(Json.Get($"/v3/directline/conversations/{client.ConversationId}?watermark=2", client.Token)));
        var socket = await _factory.Server.CreateWebSocketClient().ConnectAsync(new Uri(reconnect["streamUrl"]!.GetValue<string>()), timeout.Token);
        var frame = await Json.ReceiveFrameAsync(socket, timeout.Token);

        Assert.Equal(client.ConversationId, reconnect["conversationId"]!.GetValue<string>());
        Assert.Equal([EchoTestBot.AnswerTo("before the drop")], Json.Texts(frame["activities"]!.AsArray()));
        Assert.Equal("3", frame["watermark"]!.GetValue<string>());
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
    }

    [Fact]
    public async Task The_stream_refuses_a_token_for_another_conversation()
    {
        var alice = new DirectLineClient(_factory.CreateClient());
        var bob = new DirectLineClient(_factory.CreateClient());
        await alice.StartAsync();
        await bob.StartAsync();
        var aliceStream = alice.StreamUrl!;
        var forged = aliceStream[..aliceStream.IndexOf("?t=", StringComparison.Ordinal)] + "?t=" + Uri.EscapeDataString(bob.Token);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => _factory.Server.CreateWebSocketClient().ConnectAsync(new Uri(forged), CancellationToken.None));

        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }
}
