using FaqBot.Web.Hosting;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.DirectLine;

/// <summary>
/// Counts the WebSocket streams open per conversation on this host, so one token cannot hold thousands of sockets
/// (<see cref="ConnectionLimitsOptions.MaxStreamsPerConversation"/>).
/// </summary>
public sealed class DirectLineStreamLimiter
{
    private readonly PlacesPerKey _open;

    /// <summary>Creates the limiter.</summary>
    public DirectLineStreamLimiter(IOptions<ConnectionLimitsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _open = new PlacesPerKey(options.Value.MaxStreamsPerConversation);
    }

    /// <summary>Takes a place for a stream of <paramref name="conversationId"/>; false when it already holds the most allowed.</summary>
    public bool TryEnter(string conversationId) => _open.TryEnter(conversationId);

    /// <summary>Gives back the place taken by <see cref="TryEnter"/>.</summary>
    public void Exit(string conversationId) => _open.Exit(conversationId);
}
