using BenchmarkDotNet.Attributes;
using FaqBot.Classifier.Embeddings;

namespace FaqBot.Benchmarks;

/// <summary>
/// Where the embedding of a question never asked before spends its time: splitting it into word pieces, and running
/// the model over them with the retrieval instruction the engine puts before every question, or without it.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class EmbeddingBenchmarks
{
    private SentenceEmbedder _embedder = null!;
    private string[] _question = [];

    [Params("which clays are used in masks", "how offen shud i deep clean my pores", "how do I clean my fridge")]
    public string Question { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _embedder = new SentenceEmbedder(rememberQueries: false);
        _question = [Question];
    }

    [GlobalCleanup]
    public void Cleanup() => _embedder.Dispose();

    /// <summary>The word pieces of what is embedded for the question.</summary>
    [Benchmark]
    public long[] Tokenize() => _embedder.Tokenize(SentenceEmbedder.QueryText(Question));

    /// <summary>The question's vector as the engine computes it: the instruction, then the question.</summary>
    [Benchmark(Baseline = true)]
    public float[] EmbedQuery() => _embedder.EmbedQuery(Question);

    /// <summary>The same model over the question alone (as a passage is embedded): what the instruction's pieces cost.</summary>
    [Benchmark]
    public float[] EmbedWithoutInstruction() => _embedder.Embed(_question)[0];
}
