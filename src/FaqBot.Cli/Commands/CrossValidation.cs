using FaqBot.Classifier.Evaluation;
using FaqBot.Classifier.Training;
using FaqBot.Knowledge.Model;
using Microsoft.ML;

namespace FaqBot.Cli.Commands;

/// <summary>
/// K-fold cross-validation on the generated examples, scored at entry level. A sanity check only: generated
/// questions reuse their source sentences' words, so this flatters the model; real accuracy comes from <c>eval</c>.
/// </summary>
internal static class CrossValidation
{
    public static void Print(KnowledgeBase knowledgeBase, TrainingOutcome outcome, TrainerSettings settings, int folds)
    {
        var entryOf = knowledgeBase.Entries
            .SelectMany(e => TrainingSetBuilder.AnswerUnits(e).Select(u => (u.Label, e.Id)))
            .ToDictionary(x => x.Label, x => x.Id, StringComparer.Ordinal);
        entryOf[AnswerLabels.OutOfScope] = AnswerLabels.OutOfScope;
        var rows = AnswerModelTrainer.ToRows(outcome.Examples, outcome.Normalizer, settings.OutOfScopeShare);
        var pairs = new List<(string Expected, string Predicted)>();
        for (var fold = 0; fold < folds; fold++)
        {
            var train = rows.Where((_, i) => i % folds != fold).ToList();
            var test = rows.Where((_, i) => i % folds == fold).ToList();
            var ml = new MLContext(settings.Seed);
            var model = new AnswerModel(ml, AnswerModelTrainer.Fit(ml, train, settings), outcome.Model.Metadata);
            foreach (var row in test)
            {
                var scores = model.Score(row.Text);
                var byEntry = new Dictionary<string, float>(StringComparer.Ordinal);
                for (var i = 0; i < scores.Length; i++)
                {
                    var entry = entryOf[model.Labels[i]];
                    byEntry[entry] = byEntry.GetValueOrDefault(entry) + scores[i];
                }

                pairs.Add((entryOf[row.Label], byEntry.MaxBy(kv => kv.Value).Key));
            }

            Console.Write($"\rCross-validation fold {fold + 1}/{folds}");
        }

        Console.WriteLine();
        var accuracy = (double)pairs.Count(p => p.Expected == p.Predicted) / pairs.Count;
        var classes = pairs.Select(p => p.Expected).Distinct().OrderBy(c => c, StringComparer.Ordinal).ToList();
        Console.WriteLine($"Cross-validated accuracy ({folds} folds, generated examples, entry level): {accuracy:P1}");
        Console.WriteLine($"{"entry",-70} {"prec",6} {"recall",6} {"F1",6} {"n",5}");
        var f1s = new List<double>();
        foreach (var c in classes)
        {
            var tp = pairs.Count(p => p.Expected == c && p.Predicted == c);
            var predicted = pairs.Count(p => p.Predicted == c);
            var actual = pairs.Count(p => p.Expected == c);
            var precision = predicted == 0 ? 0 : (double)tp / predicted;
            var recall = actual == 0 ? 0 : (double)tp / actual;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            f1s.Add(f1);
            Console.WriteLine($"{EvaluationReport.Short(c),-70} {precision,6:0.000} {recall,6:0.000} {f1,6:0.000} {actual,5}");
        }

        Console.WriteLine($"Macro F1: {f1s.Average():0.000}");
    }
}
