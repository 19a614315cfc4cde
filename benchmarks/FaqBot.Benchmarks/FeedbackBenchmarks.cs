using BenchmarkDotNet.Attributes;
using FaqBot.Bot.Feedback;

namespace FaqBot.Benchmarks;

/// <summary>
/// What a turn that notes feedback waits for: <see cref="SqliteFeedbackStore.RecordAsync"/>, on a fresh WAL database in
/// a temporary folder. By default that is one journal line; surviving power loss it is the row's fsynced commit. Then one
/// caller alone gets a commit per row (the writer is idle when each row arrives); sixteen callers at once, as under load,
/// share commits; with the host's default commit interval (5 ms) a row that arrives right after a commit waits for the
/// interval to pass, with 0 only for the commit.
/// </summary>
[MemoryDiagnoser]
public class FeedbackBenchmarks
{
    private const int Callers = 16;

    private string _folder = null!;
    private SqliteFeedbackStore _store = null!;
    private int _row;

    [Params(0, 5)]
    public int CommitIntervalMs { get; set; }

    [Params(false, true)]
    public bool SurvivesPowerLoss { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("faqbot-feedback-bench-").FullName;
        _store = new SqliteFeedbackStore(
            Path.Combine(_folder, "feedback.db"), SurvivesPowerLoss, TimeSpan.FromMilliseconds(CommitIntervalMs));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task OneCaller() => _store.RecordAsync(NextEvent(), CancellationToken.None);

    [Benchmark(OperationsPerInvoke = Callers)]
    public Task SixteenCallersAtOnce()
    {
        var rows = new Task[Callers];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = _store.RecordAsync(NextEvent(), CancellationToken.None);
        }

        return Task.WhenAll(rows);
    }

    private FeedbackEvent NextEvent()
    {
        var n = _row++;
        return new FeedbackEvent(
            DateTimeOffset.UtcNow, "directline", $"conversation-{n % 500}", $"how do I fix my bike, take {n % 200}", null, 0.31f, FeedbackKind.Declined);
    }
}
