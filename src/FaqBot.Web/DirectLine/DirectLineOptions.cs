using System.ComponentModel.DataAnnotations;
using FaqBot.Bot.DirectLine;

namespace FaqBot.Web.DirectLine;

/// <summary>Settings of the built-in Direct Line endpoint and of the optional Azure Direct Line token exchange (section <c>DirectLine</c>).</summary>
public sealed class DirectLineOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "DirectLine";

    /// <summary>How long a conversation token is valid; Web Chat refreshes it every 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A conversation with no traffic for this long is dropped with its history.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>History kept per conversation; older activities are dropped first.</summary>
    [Range(10, 100_000)]
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>
    /// Bytes of history (activity JSON, UTF-8) kept per conversation; older activities are dropped first, the newest is
    /// always kept, so one conversation holds at most this much beyond its last activity.
    /// </summary>
    [Range(16 * 1024, 64 * 1024 * 1024)]
    public int MaxBytesPerConversation { get; set; } = 256 * 1024;

    /// <summary>Conversations kept in memory at once (Storage:Provider=Memory); the least recently active is dropped to make room.</summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>
    /// Bytes of history kept in memory over all conversations (Storage:Provider=Memory); beyond it the least recently
    /// active conversations are dropped. With PostgreSQL the history is on disk and only the per-conversation budget applies.
    /// </summary>
    [Range(1024 * 1024, 64L * 1024 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// The key that signs this endpoint's tokens, shared by every replica (at least 32 characters; set it through the
    /// environment, <c>DirectLine__TokenSigningKey</c>). Empty: a key created once in the database with
    /// <c>Storage:Provider=Postgres</c>, else a new key per process (tokens then end with the process).
    /// </summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>New conversations (and page tokens) one client address may open per minute; beyond it, 429.</summary>
    [Range(1, 100_000)]
    public int MaxNewConversationsPerMinute { get; set; } = 60;

    /// <summary>The bounds the conversation store keeps.</summary>
    public DirectLineLimits Limits() =>
        new(ConversationIdleTimeout, MaxActivitiesPerConversation, MaxBytesPerConversation, MaxConversations, MaxBytes);

    /// <summary>The bot's account id on this channel.</summary>
    [Required]
    public string BotId { get; set; } = "faqbot";

    /// <summary>The bot's display name on this channel.</summary>
    [Required]
    public string BotName { get; set; } = "FaqBot";

    /// <summary>
    /// An Azure Bot Service Direct Line secret. When set, the Web Chat page gets its token from Azure Direct Line
    /// (exchanged server-side, so the secret never reaches the browser) instead of from the built-in endpoint.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>The Azure Direct Line base address used with <see cref="Secret"/>.</summary>
    [Required]
    public Uri AzureEndpoint { get; set; } = new("https://directline.botframework.com/v3/directline/");
}
