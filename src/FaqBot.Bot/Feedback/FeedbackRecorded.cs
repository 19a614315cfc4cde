namespace FaqBot.Bot.Feedback;

/// <summary>What <see cref="IFeedbackStore.RecordAsync"/> did with an event.</summary>
public enum FeedbackRecorded
{
    /// <summary>Stored as a new row.</summary>
    Stored,

    /// <summary>Not stored: the conversation already has the same question, kind and entry within the repeat window.</summary>
    Repeat,

    /// <summary>Not stored: the conversation reached its events per minute.</summary>
    RateLimited,
}
