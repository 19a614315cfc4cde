using FaqBot.Web.Hosting;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.DirectLine;

/// <summary>
/// Counts the WebSocket streams open per conversation on this host, so one token cannot hold thousands of sockets
/// (<see cref="ConnectionLimitsOptions.MaxStreamsPerConversation"/>).
/// </summary>
public sealed class DirectLineStreamLimiter
{
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);
    private readonly int _maxPerConversation;

    /// <summary>Creates the limiter.</summary>
    public DirectLineStreamLimiter(IOptions<ConnectionLimitsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _maxPerConversation = options.Value.MaxStreamsPerConversation;
    }

    /// <summary>Takes a place for a stream of <paramref name="conversationId"/>; false when it already holds the most allowed.</summary>
    public bool TryEnter(string conversationId)
    {
        lock (_open)
        {
            var open = _open.GetValueOrDefault(conversationId);
            if (open >= _maxPerConversation)
            {
                return false;
            }

            _open[conversationId] = open + 1;
            return true;
        }
    }

    /// <summary>Gives back the place taken by <see cref="TryEnter"/>.</summary>
    public void Exit(string conversationId)
    {
        lock (_open)
        {
            if (_open.TryGetValue(conversationId, out var open) && open > 1)
            {
                _open[conversationId] = open - 1;
            }
            else
            {
                _open.Remove(conversationId);
            }
        }
    }
}
