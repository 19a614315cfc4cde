namespace FaqBot.Bot.Feedback;

/// <summary>One group of events with the same normalised question.</summary>
/// <param name="NormalizedQuestion">The grouping key (<see cref="QuestionNormalizer"/>).</param>
/// <param name="Question">The most recent wording users typed.</param>
/// <param name="Count">Events in the group.</param>
/// <param name="CountsByKind">Events per kind name, e.g. <c>declined: 3, unhelpful: 1</c>.</param>
/// <param name="EntryIds">The distinct entries involved (rated answers or closest candidates).</param>
/// <param name="FirstSeen">The earliest event.</param>
/// <param name="LastSeen">The latest event.</param>
public sealed record FeedbackReviewItem(
    string NormalizedQuestion,
    string Question,
    int Count,
    IReadOnlyDictionary<string, int> CountsByKind,
    IReadOnlyList<string> EntryIds,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen);
