using System.CommandLine;
using FaqBot.Classifier.Evaluation;

namespace FaqBot.Cli.Commands;

/// <summary><c>train</c>: train, calibrate and save the answer model; report cross-validation and thresholds.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var knowledge = new Option<string?>("--knowledge") { Description = "Knowledge base JSON (from extract) instead of the articles folder." };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds on the generated data (0 to skip).", DefaultValueFactory = _ => 5 };
        var calibrate = new Option<string?>("--calibrate-with") { Description = "Hand-written TSV questions to add to the held-out calibration set." };
        var command = new Command("train", "Train the answer model from the knowledge base and save it to Classifier:ModelDirectory.");
        command.Options.Add(knowledge);
        command.Options.Add(folds);
        command.Options.Add(calibrate);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var context = ClassifierContext.Create(parse.GetValue(knowledge));
            var progress = new StderrProgress(Console.Out);
            var calibrationFile = parse.GetValue(calibrate);
            var calibration = calibrationFile is null ? null : EvaluationSet.Load(calibrationFile);
            progress.Report($"Training on {context.KnowledgeBase.Entries.Count} entries from {context.KnowledgeBase.Articles.Count} article(s)…");
            var outcome = context.Loader.Train(context.KnowledgeBase, progress, calibration);
            var stored = context.Loader.Store.Save(outcome.Model);
            Console.WriteLine($"Trained in {stored.TrainingSeconds:0.00} s on {stored.Examples} examples, {stored.Classes} classes; saved {context.Loader.Store.ModelPath} ({new FileInfo(context.Loader.Store.ModelPath).Length / 1024.0:0} KiB).");
            Console.WriteLine($"Thresholds: decline below in-scope probability {stored.DeclineThreshold:0.000}; did-you-mean within {stored.ClarificationMargin:0.000} (held-out accuracy, in scope weighted 3:1, {outcome.Calibration.WeightedAccuracy:P1} on {outcome.Calibration.HeldOutQuestions} questions).");
            var foldCount = parse.GetValue(folds);
            if (foldCount >= 2)
            {
                CrossValidation.Print(context.KnowledgeBase, outcome, context.Loader.TrainerSettings, foldCount);
            }

            return 0;
        }));
        return command;
    }
}
