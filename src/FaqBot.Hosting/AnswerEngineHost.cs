using FaqBot.Classifier.Answering;
using FaqBot.Knowledge.Extraction;

namespace FaqBot.Hosting;

/// <summary>
/// Holds the answer engine once its first model is ready, and what the host knows about the articles behind it (pages
/// skipped, the last reload error). The bot is only handed the engine once it is ready; until then hosts ask
/// <see cref="IsReady"/> and reply that they are starting.
/// </summary>
public sealed class AnswerEngineHost
{
    private readonly TaskCompletionSource<IAnswerEngine> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IAnswerEngine? _engine;
    private KnowledgeStatus _status = KnowledgeStatus.Starting;

    /// <summary>A host whose engine is still to be loaded (by <see cref="AnswerEngineService"/>).</summary>
    public AnswerEngineHost()
    {
    }

    private AnswerEngineHost(IAnswerEngine engine)
    {
        Serve(engine, []);
        IsFixed = true;
    }

    /// <summary>A host serving <paramref name="engine"/> from the start (tests, benchmarks); it is never reloaded.</summary>
    public static AnswerEngineHost Serving(IAnswerEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return new AnswerEngineHost(engine);
    }

    /// <summary>The engine, or null until the first model is ready.</summary>
    public IAnswerEngine? Engine => Volatile.Read(ref _engine);

    /// <summary>True once an engine serves answers.</summary>
    public bool IsReady => Engine is not null;

    /// <summary>True when the engine was given ready-made, so there is nothing to load or reload.</summary>
    public bool IsFixed { get; }

    /// <summary>Pages skipped and the last error.</summary>
    public KnowledgeStatus Status => Volatile.Read(ref _status);

    /// <summary>Completes once an engine serves answers.</summary>
    public Task<IAnswerEngine> WhenReadyAsync(CancellationToken cancellationToken = default) => _ready.Task.WaitAsync(cancellationToken);

    /// <summary>Starts serving <paramref name="engine"/> (the first time a model is ready).</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="skippedPages">Pages left out of its knowledge base.</param>
    /// <param name="modelNotSaved">Why its model could not be stored, or null when it is.</param>
    public void Serve(IAnswerEngine engine, IReadOnlyList<SkippedPage> skippedPages, string? modelNotSaved = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (Interlocked.CompareExchange(ref _engine, engine, null) is not null)
        {
            throw new InvalidOperationException("An answer engine is already serving; reload it instead of serving another.");
        }

        Loaded(skippedPages, modelNotSaved);
        _ready.TrySetResult(engine);
    }

    /// <summary>A load or reload worked: clears the last error and records the pages it skipped and whether the model is stored.</summary>
    public void Loaded(IReadOnlyList<SkippedPage> skippedPages, string? modelNotSaved = null) =>
        Volatile.Write(ref _status, new KnowledgeStatus(IsReady, skippedPages, null, null) { ModelNotSaved = modelNotSaved });

    /// <summary>A load or reload failed: whatever served before keeps serving.</summary>
    public void Failed(string error, DateTimeOffset at) =>
        Volatile.Write(ref _status, Status with { Ready = IsReady, LastError = error, LastErrorAt = at });
}
