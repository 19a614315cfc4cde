using Microsoft.Bot.Connector;

namespace FaqBot.Bot.Rendering;

/// <summary>What a channel can show: the Markdown it renders, how long one message may be, how many suggested actions appear.</summary>
/// <param name="ChannelId">The channel.</param>
/// <param name="TeamsSafeMarkdown">True on Teams: no headings, tables or images in text messages.</param>
/// <param name="MaxMessageLength">Characters per message when a long text is split ("Tell me more").</param>
/// <param name="MaxSuggestedActions">Suggested actions the channel shows; the rest are hidden.</param>
public sealed record ChannelProfile(string ChannelId, bool TeamsSafeMarkdown, int MaxMessageLength, int MaxSuggestedActions)
{
    /// <summary>The channel id of FaqBot.Cli's chat, which renders Markdown for a terminal.</summary>
    public const string Console = "console";

    /// <summary>
    /// True where the client would interpret raw HTML in Markdown (Web Chat, the Emulator, Teams): it is escaped there.
    /// A terminal shows text as text.
    /// </summary>
    public bool EscapesHtml { get; init; } = true;

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

    /// <summary>Markdown as this channel should receive it, with raw HTML (from an article or what a user typed) escaped where it would be live.</summary>
    public string Render(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var safe = EscapesHtml ? MarkdownHtml.Escape(markdown) : markdown;
        return TeamsSafeMarkdown ? TeamsMarkdown.MakeSafe(safe) : safe;
    }
}
