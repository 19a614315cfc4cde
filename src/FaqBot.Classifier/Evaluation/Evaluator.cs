using FaqBot.Classifier.Answering;
using FaqBot.Classifier.Training;

namespace FaqBot.Classifier.Evaluation;

/// <summary>Runs labelled questions through an engine and judges them as users would: by the text shown first.</summary>
public static class Evaluator
{
    /// <summary>Evaluates every question.</summary>
    public static EvaluationReport Evaluate(IAnswerEngine engine, IReadOnlyList<LabelledQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(questions);
        return new EvaluationReport(questions.Select(q =>
        {
            var result = engine.Ask(q.Question);
            return new EvaluatedQuestion(q, result, IsCorrect(q, result));
        }).ToList());
    }

    /// <summary>
    /// The judging rule: an out-of-scope question must be declined; an in-scope one must be answered (or clarified) with
    /// a shown answer holding one of its facts, or, without facts, from the expected entry (its short id counts too).
    /// </summary>
    public static bool IsCorrect(LabelledQuestion question, AnswerOutcome result)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(result);
        if (question.IsOutOfScope)
        {
            return result is Declined;
        }

        if (result.Shown is not { } shown)
        {
            return false;
        }

        return question.Facts.Count > 0
            ? question.Facts.Any(f => FactMatcher.Contains(shown.Text, f))
            : shown.EntryId == question.ExpectedEntryId || EvaluationReport.Short(shown.EntryId) == question.ExpectedEntryId;
    }
}
