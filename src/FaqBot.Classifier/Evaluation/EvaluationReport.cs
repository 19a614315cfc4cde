using FaqBot.Classifier.Answering;
using FaqBot.Classifier.Training;

namespace FaqBot.Classifier.Evaluation;

/// <summary>Figures of an evaluation run.</summary>
public sealed class EvaluationReport
{
    /// <summary>Builds the report from evaluated questions.</summary>
    public EvaluationReport(IReadOnlyList<EvaluatedQuestion> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items;
    }

    /// <summary>Every question with its outcome.</summary>
    public IReadOnlyList<EvaluatedQuestion> Items { get; }

    /// <summary>Share of all questions handled correctly.</summary>
    public double Accuracy => Share(Items, i => i.Correct);

    /// <summary>Share of out-of-scope questions declined, or null when there are none.</summary>
    public double? OutOfScopeRejection => ShareOrNull(Items.Where(i => i.Question.IsOutOfScope).ToList(), i => i.Correct);

    /// <summary>Share of in-scope questions answered with the fact.</summary>
    public double InScopeAccuracy => Share(Items.Where(i => !i.Question.IsOutOfScope).ToList(), i => i.Correct);

    /// <summary>Share of in-scope questions answered (not declined).</summary>
    public double InScopeAnswered => Share(Items.Where(i => !i.Question.IsOutOfScope).ToList(), i => i.Result.Shown is not null);

    /// <summary>Share of questions naming an entry whose shown answer comes from it, or null when none names one.</summary>
    public double? EntryAccuracy => ShareOrNull(
        Items.Where(i => !i.Question.IsOutOfScope && i.Question.ExpectedEntryId != LabelledQuestion.AnyEntry).ToList(),
        i => i.Result.Shown is { } shown && (shown.EntryId == i.Question.ExpectedEntryId || Short(shown.EntryId) == i.Question.ExpectedEntryId));

    /// <summary>Expected → got pairs that went wrong, most frequent first ("OOS" and "declined" included).</summary>
    public IReadOnlyList<(string Expected, string Got, int Count)> ConfusedPairs => Items
        .Where(i => !i.Correct)
        .GroupBy(i => (Expected: i.Question.ExpectedEntryId == LabelledQuestion.AnyEntry ? $"\"{i.Question.ExpectedFact}\"" : Short(i.Question.ExpectedEntryId), Got: i.Result.Shown is { } shown ? Short(shown.EntryId) : "declined"))
        .Select(g => (g.Key.Expected, g.Key.Got, g.Count()))
        .OrderByDescending(x => x.Item3)
        .ThenBy(x => x.Expected, StringComparer.Ordinal)
        .ToList();

    /// <summary>Counts of correct and wrong answers per confidence decile (0–0.1, …, 0.9–1).</summary>
    public IReadOnlyList<(double From, int Correct, int Wrong)> ConfidenceHistogram => Enumerable.Range(0, 10)
        .Select(b => (
            b / 10.0,
            Items.Count(i => Bucket(i.Result) == b && i.Correct),
            Items.Count(i => Bucket(i.Result) == b && !i.Correct)))
        .ToList();

    /// <summary>An entry id without its article prefix, for reports.</summary>
    public static string Short(string entryId)
    {
        ArgumentNullException.ThrowIfNull(entryId);
        if (entryId == AnswerLabels.OutOfScope)
        {
            return "OOS";
        }

        var cut = entryId.IndexOf("--", StringComparison.Ordinal);
        return cut >= 0 ? entryId[(cut + 2)..] : entryId;
    }

    private static int Bucket(AnswerOutcome result) => Math.Clamp((int)(result.Confidence * 10), 0, 9);

    private static double Share(IReadOnlyCollection<EvaluatedQuestion> items, Func<EvaluatedQuestion, bool> predicate) =>
        items.Count == 0 ? 0 : (double)items.Count(predicate) / items.Count;

    private static double? ShareOrNull(IReadOnlyCollection<EvaluatedQuestion> items, Func<EvaluatedQuestion, bool> predicate) =>
        items.Count == 0 ? null : Share(items, predicate);
}
