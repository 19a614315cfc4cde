using System.CommandLine;

namespace FaqBot.Cli.Commands;

/// <summary><c>train</c>: train and save the answer model; report what it learnt from and its thresholds.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var knowledge = new Option<string?>("--knowledge") { Description = "Knowledge base JSON (from extract) instead of the articles folder." };
        var command = new Command("train", "Train the answer model from the knowledge base and save it to Classifier:ModelDirectory.");
        command.Options.Add(knowledge);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var context = ClassifierContext.Create(parse.GetValue(knowledge));
            var progress = new StderrProgress(Console.Out);
            progress.Report($"Training on {context.KnowledgeBase.Entries.Count} entries from {context.KnowledgeBase.Articles.Count} article(s)…");
            var outcome = context.Loader.Train(context.KnowledgeBase, progress);
            var stored = context.Loader.Store.Save(outcome.Model);
            var units = outcome.Index.Units.Count;
            Console.WriteLine($"Trained in {stored.TrainingSeconds:0.0} s: {units} passages, {stored.Embedded} texts embedded, scope model on {stored.Examples} questions ({outcome.GeneratedQuestions.Count} generated from the articles, the rest generic out-of-scope ones).");
            Console.WriteLine($"Saved to {context.Loader.Store.Directory}.");
            Console.WriteLine($"Thresholds: decline below confidence {stored.DeclineThreshold:0.00}; ask \"Did you mean…?\" when the next entry is within {stored.ClarificationMargin:0.000}.");
            return 0;
        }));
        return command;
    }
}
