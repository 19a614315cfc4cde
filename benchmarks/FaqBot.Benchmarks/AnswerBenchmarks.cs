using BenchmarkDotNet.Attributes;
using FaqBot.Classifier.Answering;

namespace FaqBot.Benchmarks;

/// <summary>
/// One answer in process, on the bundled article, for typical question shapes: asked before (the embedder remembers
/// its vector, as for a repeated question or a "Did you mean…?" button) and never asked (embedding included).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AnswerBenchmarks
{
    private AnswerEngine _engine = null!;

    [Params("which clays are used in masks", "how offen shud i deep clean my pores", "how do I clean my fridge")]
    public string Question { get; set; } = "";

    /// <summary>False: an embedder that remembers no question, so every answer runs the model.</summary>
    [Params(true, false)]
    public bool Remembered { get; set; }

    [GlobalSetup]
    public void Setup() => _engine = BundledArticle.Engine(Remembered);

    [Benchmark]
    public AnswerOutcome Ask() => _engine.Ask(Question);
}
