using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using FaqBot.Bot.DirectLine;

namespace FaqBot.Web.DirectLine;

/// <summary>
/// The Direct Line WebSocket stream: pushes <c>{"activities":[…],"watermark":"N"}</c> frames as the conversation grows.
/// The URL carries the token (<c>?t=</c>), as browsers cannot set headers on a WebSocket.
/// </summary>
internal static class DirectLineStream
{
    public static async Task AcceptAsync(
        string conversationId,
        HttpContext context,
        DirectLineTokenService tokens,
        IDirectLineStore store,
        DirectLineStreamLimiter limiter,
        IHostApplicationLifetime lifetime)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Results.Problem(detail: "This is a WebSocket endpoint.", statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            return;
        }

        var query = context.Request.Query;
        if (DirectLineExtensions.Authorize(query["t"], conversationId, tokens, out _) is { } refused)
        {
            await refused.ExecuteAsync(context);
            return;
        }

        if (!await store.ExistsAsync(conversationId, context.RequestAborted))
        {
            await Results.Problem(detail: "The conversation does not exist or has expired.", statusCode: StatusCodes.Status404NotFound).ExecuteAsync(context);
            return;
        }

        if (!limiter.TryEnter(conversationId))
        {
            await Results.Problem(detail: "This conversation already has as many streams open as allowed.", statusCode: StatusCodes.Status429TooManyRequests)
                .ExecuteAsync(context);
            return;
        }

        try
        {
            WebSocket socket;
            try
            {
                socket = await context.WebSockets.AcceptWebSocketAsync();
            }
            catch (InvalidOperationException) when (!context.Response.HasStarted)
            {
                // Kestrel refuses the upgrade once Connections:MaxUpgradedConnections sockets are open.
                context.Response.Headers.RetryAfter = "10";
                await Results.Problem(detail: "The server holds as many streams as it allows; try again shortly.", statusCode: StatusCodes.Status503ServiceUnavailable)
                    .ExecuteAsync(context);
                return;
            }

            using (socket)
            {
                await StreamAsync(socket, conversationId, context, store, lifetime);
            }
        }
        finally
        {
            limiter.Exit(conversationId);
        }
    }

    private static async Task StreamAsync(WebSocket socket, string conversationId, HttpContext context, IDirectLineStore store, IHostApplicationLifetime lifetime)
    {
        var query = context.Request.Query;
        var watermark = long.TryParse(query["watermark"], NumberStyles.None, CultureInfo.InvariantCulture, out var mark) ? mark : 0;
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var receiving = ReceiveUntilClosedAsync(socket, closed);
        try
        {
            while (!closed.IsCancellationRequested)
            {
                // Taken before the read, so an activity stored between the read and the wait still wakes the stream.
                var changed = store.NextChange(conversationId);
                if (await store.GetSinceAsync(conversationId, watermark, closed.Token) is not { } set)
                {
                    break; // The conversation expired or was dropped.
                }

                if (set.Activities.Count > 0)
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(set.ToJson()), WebSocketMessageType.Text, endOfMessage: true, closed.Token);
                    await store.TouchAsync(conversationId, closed.Token);
                }

                watermark = set.Watermark;
                await changed.WaitAsync(closed.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client left, the conversation expired, or the host is stopping.
        }

        await closed.CancelAsync();
        await receiving;
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // Already gone.
            }
        }
    }

    // DirectLineJS sends "" pings; nothing the client sends is an activity (those are POSTed), so frames are read and dropped.
    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, closed.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closing either way.
        }

        await closed.CancelAsync();
    }
}
