namespace FaqBot.Bot.Feedback;

/// <summary>One feedback or unanswered-question event, stored as one row.</summary>
/// <param name="Time">When it happened (UTC).</param>
/// <param name="Channel">The channel id (emulator, msteams, directline, console…).</param>
/// <param name="Conversation">The conversation id.</param>
/// <param name="Question">The user's question as typed.</param>
/// <param name="EntryId">The entry concerned: the rated answer, or the closest candidate of a declined question; null when none.</param>
/// <param name="Confidence">The engine's confidence for <paramref name="EntryId"/>, 0 to 1.</param>
/// <param name="Kind">What happened.</param>
public sealed record FeedbackEvent(
    DateTimeOffset Time,
    string Channel,
    string Conversation,
    string Question,
    string? EntryId,
    float? Confidence,
    FeedbackKind Kind);
