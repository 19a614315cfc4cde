namespace FaqBot.Bot.Feedback;

/// <summary>
/// How much feedback anonymous traffic can make the bot keep, bound from <c>Bot:FeedbackRetention</c>: a rate per
/// conversation, one row for a question repeated in a conversation, and a cap on the rows and their age.
/// </summary>
public sealed class FeedbackRetention
{
    /// <summary>The configuration section these settings are bound from.</summary>
    public const string SectionName = "Bot:FeedbackRetention";

    /// <summary>Rows kept in all; the oldest go first. At most ~8 KB each (two copies of a question of Bot:MaxQuestionLength).</summary>
    public int MaxRows { get; set; } = 50_000;

    /// <summary>Rows older than this are deleted.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(180);

    /// <summary>Events stored per conversation in any one minute; more are dropped (a person rates a few answers a minute).</summary>
    public int MaxPerConversationPerMinute { get; set; } = 10;

    /// <summary>The same question, kind and entry again in the same conversation within this time is not stored again.</summary>
    public TimeSpan RepeatWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Why these settings cannot be used, or null when they can.</summary>
    public string? Problem() =>
        MaxRows < 1 ? "Bot:FeedbackRetention:MaxRows must be at least 1."
        : MaxAge <= TimeSpan.Zero ? "Bot:FeedbackRetention:MaxAge must be positive, e.g. \"180.00:00:00\"."
        : MaxPerConversationPerMinute < 1 ? "Bot:FeedbackRetention:MaxPerConversationPerMinute must be at least 1."
        : RepeatWindow < TimeSpan.Zero ? "Bot:FeedbackRetention:RepeatWindow must not be negative (zero stores every repeat)."
        : null;
}
