using BenchmarkDotNet.Attributes;
using FaqBot.Classifier.Answering;

namespace FaqBot.Benchmarks;

/// <summary>
/// One answer to a question never asked before, on the bundled article: each call asks the next of the distinct real
/// questions of tests/EvalSets and benchmarks/load (in scope, out of scope, far off; about 1,000), through an embedder
/// that remembers none, so the figure is the mean over that mix with the embedding included.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class NewQuestionBenchmarks
{
    private AnswerEngine _engine = null!;
    private string[] _questions = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _engine = BundledArticle.Engine(remembered: false);
        _questions = RealQuestions();
    }

    [Benchmark]
    public AnswerOutcome AskNext() => _engine.Ask(_questions[_next++ % _questions.Length]);

    private static string[] RealQuestions()
    {
        var root = RepositoryRoot.Path;
        var evaluation = Directory.EnumerateFiles(Path.Combine(root, "tests", "EvalSets"), "questions.tsv", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.Split('\t')[0]);
        var lists = new[] { Path.Combine(root, "benchmarks", "load", "questions.txt"), Path.Combine(root, "tests", "EvalSets", "far-off-questions.txt") }
            .SelectMany(File.ReadLines)
            .Where(line => !line.StartsWith('#'));
        var questions = evaluation.Concat(lists).Select(q => q.Trim()).Where(q => q.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

        // A fixed shuffle, so neighbouring calls do not ask the same set's questions in a row.
        new Random(14).Shuffle(questions);
        return questions;
    }
}
