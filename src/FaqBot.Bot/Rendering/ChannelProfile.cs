using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace FaqBot.Bot.Rendering;

/// <summary>What a channel can show: the Markdown it renders, how long one message may be, how many suggested actions appear.</summary>
/// <param name="ChannelId">The channel.</param>
/// <param name="TeamsSafeMarkdown">True on Teams: no headings, tables or images in text messages.</param>
/// <param name="MaxMessageLength">Characters per message when a long text is split ("Tell me more").</param>
/// <param name="MaxSuggestedActions">Suggested actions the channel shows; the rest are hidden.</param>
/// <param name="CardButtons">
/// True where typed-back suggested actions cannot work: a Teams channel or group chat only delivers messages that
/// @mention the bot, so an <c>imBack</c> would never reach it. There the actions are Adaptive Card buttons instead.
/// </param>
public sealed record ChannelProfile(string ChannelId, bool TeamsSafeMarkdown, int MaxMessageLength, int MaxSuggestedActions, bool CardButtons = false)
{
    /// <summary>The channel id of FaqBot.Cli's chat, which renders Markdown for a terminal.</summary>
    public const string Console = "console";

    /// <summary>
    /// True where the client would interpret raw HTML in Markdown (Web Chat, the Emulator, Teams): it is escaped there.
    /// A terminal shows text as text.
    /// </summary>
    public bool EscapesHtml { get; init; } = true;

    /// <summary>The Teams conversation types where the bot only hears @mentions.</summary>
    private static readonly HashSet<string> TeamsGroupConversations = new(StringComparer.OrdinalIgnoreCase) { "channel", "groupChat" };

    /// <summary>
    /// Teams shows only the first 3 suggested actions; 2,000 characters keeps a message readable in a narrow chat pane
    /// and far below the 28 KB post limit (2,000 UTF-16 chars plus the JSON envelope is under 8 KB).
    /// Web Chat, the Emulator and the console render longer messages comfortably.
    /// </summary>
    public static ChannelProfile For(string? channelId) => channelId switch
    {
        Channels.Msteams => new ChannelProfile(Channels.Msteams, TeamsSafeMarkdown: true, MaxMessageLength: 2_000, MaxSuggestedActions: 3),
        Console => new ChannelProfile(Console, TeamsSafeMarkdown: false, MaxMessageLength: 3_000, MaxSuggestedActions: 4) { EscapesHtml = false },
        _ => new ChannelProfile(channelId ?? "unknown", TeamsSafeMarkdown: false, MaxMessageLength: 3_000, MaxSuggestedActions: 4),
    };

    /// <summary>The profile for the conversation <paramref name="activity"/> belongs to (a Teams channel or group chat gets card buttons).</summary>
    public static ChannelProfile For(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var profile = For(activity.ChannelId);
        return activity.ChannelId == Channels.Msteams && IsTeamsGroup(activity.Conversation)
            ? profile with { CardButtons = true }
            : profile;
    }

    /// <summary>Markdown as this channel should receive it, with raw HTML (from an article or what a user typed) escaped where it would be live.</summary>
    public string Render(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var safe = EscapesHtml ? MarkdownHtml.Escape(markdown) : markdown;
        return TeamsSafeMarkdown ? TeamsMarkdown.MakeSafe(safe) : safe;
    }

    // Teams marks channel and group-chat conversations with conversationType (and isGroup on older payloads).
    private static bool IsTeamsGroup(ConversationAccount? conversation) =>
        conversation is not null
        && (conversation.ConversationType is { } type ? TeamsGroupConversations.Contains(type) : conversation.IsGroup == true);
}
