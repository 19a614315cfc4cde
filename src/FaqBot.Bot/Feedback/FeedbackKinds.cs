namespace FaqBot.Bot.Feedback;

/// <summary>The stable names feedback kinds are stored and typed as (<c>helpful</c>, <c>none_of_these</c>, …).</summary>
public static class FeedbackKinds
{
    /// <summary>The kinds that mean "the article did not serve this question": what <c>review</c> lists by default.</summary>
    public static IReadOnlyList<FeedbackKind> Unanswered { get; } = [FeedbackKind.Declined, FeedbackKind.NoneOfThese, FeedbackKind.Unhelpful];

    /// <summary>The stored name of <paramref name="kind"/>.</summary>
    public static string ToName(this FeedbackKind kind) => kind switch
    {
        FeedbackKind.Helpful => "helpful",
        FeedbackKind.Unhelpful => "unhelpful",
        FeedbackKind.Declined => "declined",
        FeedbackKind.NoneOfThese => "none_of_these",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown feedback kind."),
    };

    /// <summary>Parses a stored or typed name (case-insensitive; '-' accepted for '_').</summary>
    public static bool TryParse(string? name, out FeedbackKind kind)
    {
        foreach (var candidate in Enum.GetValues<FeedbackKind>())
        {
            if (string.Equals(candidate.ToName(), name?.Trim().Replace('-', '_'), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
