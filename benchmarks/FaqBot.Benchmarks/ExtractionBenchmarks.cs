using BenchmarkDotNet.Attributes;
using FaqBot.Knowledge.Extraction;

namespace FaqBot.Benchmarks;

/// <summary>
/// Extraction of the bot-docs corpus (shared/corpora/bot-docs beside the repository) at 30, 100 and 300 pages, to show
/// the cost grows linearly with pages. Each size is a copy of the first N pages (ordinal path order) plus every snippet.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private string _folder = null!;

    [Params(30, 100, 300)]
    public int Pages { get; set; }

    [GlobalSetup]
    public void Setup() => _folder = CorpusSample.Copy(Pages);

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public int Extract() => KnowledgeExtractor.ExtractFolder(_folder).KnowledgeBase.Entries.Count;
}
