using BenchmarkDotNet.Attributes;
using FaqBot.Classifier.Answering;
using FaqBot.Classifier.Hosting;
using FaqBot.Knowledge.Extraction;

namespace FaqBot.Benchmarks;

/// <summary>One answer in process, on the seed article, for typical question shapes.</summary>
[MemoryDiagnoser]
public class AnswerBenchmarks
{
    private AnswerEngine _engine = null!;

    [Params("which clays are used in masks", "how offen shud i deep clean my pores", "how do I clean my fridge")]
    public string Question { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var root = RepositoryRoot.Path;
        var kb = KnowledgeExtractor.ExtractDirectory(Path.Combine(root, "data", "articles"));
        var loader = new AnswerEngineLoader(new ClassifierOptions { ModelDirectory = Path.Combine(Path.GetTempPath(), "faqbot-bench-model") }, root);
        _engine = new AnswerEngine(loader.LoadOrTrain(kb, out _), loader);
    }

    [Benchmark]
    public AnswerOutcome Ask() => _engine.Ask(Question);
}
