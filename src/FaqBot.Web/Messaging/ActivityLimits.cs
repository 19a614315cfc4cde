using Microsoft.Bot.Schema;

namespace FaqBot.Web.Messaging;

/// <summary>
/// Size caps on what a client writes into an activity, checked where it enters the host (<c>/api/messages</c> and the
/// Direct Line post). Ids and names end up as state keys, greeting lists and history, so one request must not be able to
/// park a 250 KB id in memory; real channels stay far below these caps (Teams ids are about 150 characters).
/// </summary>
public static class ActivityLimits
{
    /// <summary>Longest id (channel, conversation, user, bot, member) or display name accepted, in characters.</summary>
    public const int MaxIdLength = 256;

    /// <summary>Most members accepted in one conversationUpdate's <c>membersAdded</c> or <c>membersRemoved</c>.</summary>
    public const int MaxMembers = 1_000;

    /// <summary>Why the activity is refused (the field and the cap), or null when every id, name and member list fits.</summary>
    public static string? Check(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return TooLong("channelId", activity.ChannelId)
            ?? TooLong("id", activity.Id)
            ?? TooLong("replyToId", activity.ReplyToId)
            ?? TooLong("conversation.id", activity.Conversation?.Id)
            ?? TooLong("conversation.name", activity.Conversation?.Name)
            ?? Account("from", activity.From)
            ?? Account("recipient", activity.Recipient)
            ?? Members("membersAdded", activity.MembersAdded)
            ?? Members("membersRemoved", activity.MembersRemoved);
    }

    private static string? Members(string field, IList<ChannelAccount>? members)
    {
        if (members is null)
        {
            return null;
        }

        if (members.Count > MaxMembers)
        {
            return $"{field} lists {members.Count:N0} members; at most {MaxMembers:N0} are accepted.";
        }

        for (var i = 0; i < members.Count; i++)
        {
            if (Account($"{field}[{i}]", members[i]) is { } refused)
            {
                return refused;
            }
        }

        return null;
    }

    private static string? Account(string field, ChannelAccount? account) =>
        account is null ? null : TooLong(field + ".id", account.Id) ?? TooLong(field + ".name", account.Name);

    private static string? TooLong(string field, string? value) =>
        value is { Length: > MaxIdLength }
            ? $"{field} is {value.Length:N0} characters long; at most {MaxIdLength} are accepted."
            : null;
}
