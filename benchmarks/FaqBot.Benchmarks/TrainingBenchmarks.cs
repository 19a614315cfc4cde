using BenchmarkDotNet.Attributes;
using FaqBot.Classifier.Embeddings;
using FaqBot.Classifier.Hosting;
using FaqBot.Classifier.Training;
using FaqBot.Knowledge.Extraction;
using FaqBot.Knowledge.Model;

namespace FaqBot.Benchmarks;

/// <summary>Training on the seed article from scratch (every text embedded; no file I/O).</summary>
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
    public int Train() => new AnswerModelTrainer(_loader.TrainerSettings, SentenceEmbedder.Shared).Train(_kb, _loader.Data).Model.Vectors.Count;
}
