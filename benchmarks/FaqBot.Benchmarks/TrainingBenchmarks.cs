using BenchmarkDotNet.Attributes;
using FaqBot.Classifier.Hosting;
using FaqBot.Knowledge.Extraction;
using FaqBot.Knowledge.Model;

namespace FaqBot.Benchmarks;

/// <summary>Training and calibrating on the seed article (no file I/O).</summary>
[MemoryDiagnoser]
public class TrainingBenchmarks
{
    private KnowledgeBase _kb = null!;
    private AnswerEngineLoader _loader = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = RepositoryRoot.Path;
        _kb = KnowledgeExtractor.ExtractDirectory(Path.Combine(root, "data", "articles"));
        _loader = new AnswerEngineLoader(new ClassifierOptions { ModelDirectory = Path.Combine(Path.GetTempPath(), "faqbot-bench-train") }, root);
    }

    [Benchmark]
    public int Train() => _loader.Train(_kb).Model.Labels.Count;
}
