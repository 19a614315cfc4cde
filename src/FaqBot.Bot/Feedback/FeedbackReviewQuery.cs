namespace FaqBot.Bot.Feedback;

/// <summary>What <c>review</c> asks for.</summary>
/// <param name="Kinds">The kinds to include; empty means <see cref="FeedbackKinds.Unanswered"/>.</param>
/// <param name="Top">At most this many groups, most frequent first.</param>
public sealed record FeedbackReviewQuery(IReadOnlyList<FeedbackKind> Kinds, int Top);
