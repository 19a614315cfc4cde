namespace FaqBot.Bot.Feedback;

/// <summary>What a feedback event records; stored as the snake_case name (see <see cref="FeedbackKinds"/>).</summary>
public enum FeedbackKind
{
    /// <summary>The user said an answer helped.</summary>
    Helpful,

    /// <summary>The user said an answer did not help.</summary>
    Unhelpful,

    /// <summary>The bot declined the question as out of scope.</summary>
    Declined,

    /// <summary>The bot asked "Did you mean…?" and the user picked none of the candidates.</summary>
    NoneOfThese,
}
