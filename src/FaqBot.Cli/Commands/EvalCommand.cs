using System.CommandLine;
using FaqBot.Classifier.Answering;
using FaqBot.Classifier.Evaluation;
using FaqBot.Classifier.Hosting;
using FaqBot.Classifier.Training;
using FaqBot.Knowledge.Model;

namespace FaqBot.Cli.Commands;

/// <summary>
/// <c>eval --questions FILE</c>: accuracy, out-of-scope rejection, confusions, confidence histogram, HTML report on the
/// configured articles; <c>eval --sets FOLDER</c>: a table with one row per evaluation set, each judged on its own articles.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var questions = new Option<string?>("--questions") { Description = "TSV: question TAB OOS, question TAB * TAB fact, or question TAB entry id [TAB fact]." };
        var sets = new Option<string?>("--sets") { Description = "A folder of evaluation sets (sub-folders with articles/ and questions.tsv), e.g. tests/EvalSets/dev." };
        var combined = new Option<bool>("--combined") { Description = "With --sets: also judge every question on one knowledge base of all the sets' articles." };
        var baseline = new Option<bool>("--baseline") { Description = "With --sets: score the plain baseline (embedding cosine + 0.1 × BM25, one passage, never declining) instead of the engine." };
        var report = new Option<string?>("--report") { Description = "Where to write the HTML report (default: <ModelDirectory>/eval-report.html)." };
        var knowledge = new Option<string?>("--knowledge") { Description = "Knowledge base JSON (from extract) instead of the articles folder." };
        var verbose = new Option<bool>("--verbose") { Description = "List every wrong answer." };
        var command = new Command("eval", "Evaluate the answer engine on labelled questions.");
        command.Options.Add(questions);
        command.Options.Add(sets);
        command.Options.Add(combined);
        command.Options.Add(baseline);
        command.Options.Add(report);
        command.Options.Add(knowledge);
        command.Options.Add(verbose);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var folder = parse.GetValue(sets);
            var path = parse.GetValue(questions);
            if ((folder is null) == (path is null))
            {
                throw new UsageException("Give either --questions FILE or --sets FOLDER.");
            }

            if (folder is not null)
            {
                return EvaluateSets(folder, parse.GetValue(combined), parse.GetValue(baseline), parse.GetValue(verbose));
            }

            if (!File.Exists(path))
            {
                throw new CommandException($"Questions file '{path}' does not exist.");
            }

            var set = EvaluationSet.Load(path!);
            var context = ClassifierContext.Create(parse.GetValue(knowledge));
            CheckEntries(context.KnowledgeBase, path!);
            var engine = new AnswerEngine(context.Loader.LoadOrTrain(context.KnowledgeBase, out _, new StderrProgress(Console.Error)));
            var result = Evaluator.Evaluate(engine, set);
            Print(result, parse.GetValue(verbose));
            var reportPath = parse.GetValue(report) ?? Path.Combine(context.Loader.Store.Directory, "eval-report.html");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(reportPath))!);
            File.WriteAllText(reportPath, HtmlReport.Render(result, Path.GetFileName(path!)));
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
        var entry = report.EntryAccuracy is { } e ? $", expected entry {e:P1}" : "";
        Console.WriteLine($"In-scope accuracy (fact in the shown answer): {report.InScopeAccuracy:P1}  (answered {report.InScopeAnswered:P1}{entry})");
        Console.WriteLine(report.OutOfScopeRejection is { } rejection ? $"Out-of-scope rejection: {rejection:P1}" : "Out-of-scope rejection: n/a (no out-of-scope questions)");
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

    private static int EvaluateSets(string folder, bool combined, bool baseline, bool verbose)
    {
        if (!Directory.Exists(folder))
        {
            throw new CommandException($"Evaluation folder '{folder}' does not exist.");
        }

        var (options, paths) = ClassifierContext.ReadSettings();
        var modelRoot = Path.Combine(paths.ModelDirectory, "eval");
        var results = EvaluationSuite.Run(
            folder,
            name => new AnswerEngineLoader(
                new ClassifierOptions
                {
                    ModelDirectory = Path.Combine(modelRoot, name),
                    DataDirectory = paths.ClassifierDataDirectory,
                    Seed = options.Seed,
                    DeclineThreshold = options.DeclineThreshold,
                    ClarificationMargin = options.ClarificationMargin,
                },
                paths.ContentRoot),
            combined,
            new StderrProgress(Console.Error),
            baseline ? EvaluationSuite.Baseline : null);
        Console.WriteLine($"{"set",-36} {"questions",9} {"overall",8} {"in scope",9} {"(declined)",10} {"out of scope declined",22}");
        foreach (var (set, report) in results)
        {
            var declined = report.OutOfScopeRejection is { } r ? $"{r,22:P1}" : $"{"n/a",22}";
            Console.WriteLine($"{set,-36} {report.Items.Count,9} {report.Accuracy,8:P1} {report.InScopeAccuracy,9:P1} {1 - report.InScopeAnswered,10:P1} {declined}");
        }

        var perArticle = results.Where(r => r.Set != EvaluationSuite.AllArticles).ToList();
        Console.WriteLine($"{"mean over sets",-36} {"",9} {perArticle.Average(r => r.Report.Accuracy),8:P1}");
        if (verbose)
        {
            foreach (var (set, report) in results)
            {
                Console.WriteLine();
                Console.WriteLine($"{set}:");
                foreach (var item in report.Items.Where(i => !i.Correct))
                {
                    var got = item.Result.Shown is { } shown ? $"{shown.Source} ({item.Result.Confidence:0.00})" : $"declined ({item.Result.Confidence:0.00})";
                    Console.WriteLine($"  WRONG {item.Question.Question}  | want: {item.Question.ExpectedFact ?? "decline"}  | got: {got}");
                }
            }
        }

        return 0;
    }

    // An entry id the knowledge base does not have would make every answer to that question "wrong", and a short id two
    // articles share would make either answer right: name the file and line instead.
    private static void CheckEntries(KnowledgeBase knowledgeBase, string path)
    {
        var full = knowledgeBase.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var byShortId = knowledgeBase.Entries
            .GroupBy(e => EvaluationReport.Short(e.Id), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Id).ToList(), StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var parts = line.TrimEnd('\r').Split('\t');
            if (line.StartsWith('#') || parts.Length < 2)
            {
                continue;
            }

            var expected = parts[1].Trim();
            if (expected == LabelledQuestion.AnyEntry || expected.Equals("OOS", StringComparison.OrdinalIgnoreCase) || full.Contains(expected))
            {
                continue;
            }

            if (!byShortId.TryGetValue(expected, out var matches))
            {
                throw new CommandException(
                    $"{path}:{lineNumber}: no entry '{expected}' in the knowledge base. Use an id 'extract' prints, in full "
                    + "(article--section) or short (the part after '--', as 'eval' prints it).");
            }

            if (matches.Count > 1)
            {
                throw new CommandException(
                    $"{path}:{lineNumber}: '{expected}' is the short id of {matches.Count} entries ({string.Join(", ", matches)}); use the full id.");
            }
        }
    }
}
