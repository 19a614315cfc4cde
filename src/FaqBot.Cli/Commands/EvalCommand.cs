using System.CommandLine;
using FaqBot.Classifier.Answering;
using FaqBot.Classifier.Evaluation;

namespace FaqBot.Cli.Commands;

/// <summary><c>eval --questions FILE</c>: accuracy, out-of-scope rejection, confusions, confidence histogram, HTML report.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var questions = new Option<string>("--questions") { Description = "TSV: question TAB expected entry id or OOS [TAB fact the answer must contain].", Required = true };
        var report = new Option<string?>("--report") { Description = "Where to write the HTML report (default: <ModelDirectory>/eval-report.html)." };
        var knowledge = new Option<string?>("--knowledge") { Description = "Knowledge base JSON (from extract) instead of the articles folder." };
        var verbose = new Option<bool>("--verbose") { Description = "List every wrong answer." };
        var command = new Command("eval", "Evaluate the answer engine on labelled questions.");
        command.Options.Add(questions);
        command.Options.Add(report);
        command.Options.Add(knowledge);
        command.Options.Add(verbose);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var path = parse.GetValue(questions)!;
            if (!File.Exists(path))
            {
                throw new CommandException($"Questions file '{path}' does not exist.");
            }

            var set = EvaluationSet.Load(path);
            var context = ClassifierContext.Create(parse.GetValue(knowledge));
            var engine = new AnswerEngine(context.Loader.LoadOrTrain(context.KnowledgeBase, out _, new StderrProgress(Console.Error)));
            var result = Evaluator.Evaluate(engine, set);
            Print(result, parse.GetValue(verbose));
            var reportPath = parse.GetValue(report) ?? Path.Combine(context.Loader.Store.Directory, "eval-report.html");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(reportPath))!);
            File.WriteAllText(reportPath, HtmlReport.Render(result, Path.GetFileName(path)));
            Console.WriteLine($"HTML report: {Path.GetFullPath(reportPath)}");
            return 0;
        }));
        return command;
    }

    private static void Print(EvaluationReport report, bool verbose)
    {
        var inScope = report.Items.Count(i => !i.Question.IsOutOfScope);
        Console.WriteLine($"Questions: {report.Items.Count} ({inScope} in scope, {report.Items.Count - inScope} out of scope)");
        Console.WriteLine($"Accuracy (fact shown or declined correctly): {report.Accuracy:P1}");
        Console.WriteLine($"In-scope accuracy (fact in the shown answer): {report.InScopeAccuracy:P1}  (answered {report.InScopeAnswered:P1}, expected entry {report.EntryAccuracy:P1})");
        Console.WriteLine($"Out-of-scope rejection: {report.OutOfScopeRejection:P1}");
        Console.WriteLine();
        Console.WriteLine("Most confused (expected -> got):");
        foreach (var (expected, got, count) in report.ConfusedPairs.Take(10))
        {
            Console.WriteLine($"  {count,3}  {expected} -> {got}");
        }

        Console.WriteLine();
        Console.WriteLine("Confidence histogram (correct / wrong):");
        foreach (var (from, correct, wrong) in report.ConfidenceHistogram)
        {
            Console.WriteLine($"  {from:0.0}-{from + 0.1:0.0}  {new string('#', correct)}{new string('x', wrong)}  {correct}/{wrong}");
        }

        if (verbose)
        {
            Console.WriteLine();
            foreach (var item in report.Items.Where(i => !i.Correct))
            {
                var got = item.Result.Shown is { } shown ? EvaluationReport.Short(shown.EntryId) : "declined";
                Console.WriteLine($"  WRONG [{EvaluationReport.Short(item.Question.ExpectedEntryId)} -> {got} {item.Result.Confidence:0.00}] {item.Question.Question}  | want: {item.Question.ExpectedFact}");
            }
        }
    }
}
