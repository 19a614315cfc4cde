using Microsoft.Bot.Connector;

namespace FaqBot.Bot.Rendering;

/// <summary>What a channel can show: the Markdown it renders, how long one message may be, how many suggested actions appear.</summary>
/// <param name="ChannelId">The channel.</param>
/// <param name="TeamsSafeMarkdown">True on Teams: no headings, tables or images in text messages.</param>
/// <param name="MaxMessageLength">Characters per message when a long text is split ("Tell me more").</param>
/// <param name="MaxSuggestedActions">Suggested actions the channel shows; the rest are hidden.</param>
public sealed record ChannelProfile(string ChannelId, bool TeamsSafeMarkdown, int MaxMessageLength, int MaxSuggestedActions)
{
    /// <summary>
    /// Teams shows only the first 3 suggested actions; 2,000 characters keeps a message readable in a narrow chat pane
    /// and far below the 28 KB post limit (2,000 UTF-16 chars plus the JSON envelope is under 8 KB).
    /// Web Chat, the Emulator and the console render longer messages comfortably.
    /// </summary>
    public static ChannelProfile For(string? channelId) => channelId switch
    {
        Channels.Msteams => new ChannelProfile(Channels.Msteams, TeamsSafeMarkdown: true, MaxMessageLength: 2_000, MaxSuggestedActions: 3),
        _ => new ChannelProfile(channelId ?? "unknown", TeamsSafeMarkdown: false, MaxMessageLength: 3_000, MaxSuggestedActions: 4),
    };

    /// <summary>Markdown as this channel should receive it.</summary>
    public string Render(string markdown) => TeamsSafeMarkdown ? TeamsMarkdown.MakeSafe(markdown) : markdown;
}
