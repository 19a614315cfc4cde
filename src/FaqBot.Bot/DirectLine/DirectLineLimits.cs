using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FaqBot.Bot.DirectLine;

/// <summary>
/// The bounds every <see cref="IDirectLineStore"/> keeps (from the host's <c>DirectLine</c> settings).
/// </summary>
/// <param name="IdleTimeout">A conversation with no traffic for this long is dropped with its history.</param>
/// <param name="MaxActivitiesPerConversation">History kept per conversation; older activities are dropped first.</param>
/// <param name="MaxBytesPerConversation">The UTF-8 bytes of activity JSON kept per conversation; older activities are dropped first, the newest is always kept.</param>
/// <param name="MaxConversations">Conversations kept in memory at once; the least recently used is dropped to make room.</param>
/// <param name="MaxBytes">The UTF-8 bytes of activity JSON kept in memory over all conversations; beyond it the least recently used conversations are dropped.</param>
public sealed record DirectLineLimits(
    TimeSpan IdleTimeout,
    int MaxActivitiesPerConversation,
    int MaxBytesPerConversation,
    int MaxConversations,
    long MaxBytes)
{
    /// <summary>The id of the activity with this sequence number: <c>{conversationId}|{sequence:0000000}</c>, as Azure Direct Line's look.</summary>
    public static string ActivityId(string conversationId, long sequence) =>
        conversationId + "|" + sequence.ToString("0000000", CultureInfo.InvariantCulture);

    /// <summary>A user's key in a conversation's member list: fixed length whatever the client sent as its id.</summary>
    public static string MemberKey(string userId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)));
}
