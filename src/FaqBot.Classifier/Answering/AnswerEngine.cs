using FaqBot.Classifier.Hosting;
using FaqBot.Knowledge.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaqBot.Classifier.Answering;

/// <summary>
/// The answer engine the bot and the CLI use. It serves one immutable <see cref="Answerer"/> held in a single
/// reference; <see cref="Reload"/> builds the next one off to the side and swaps it in, so questions in flight finish
/// on the old model and none ever sees a half-loaded one.
/// </summary>
public sealed class AnswerEngine : IAnswerEngine
{
    private readonly AnswerEngineLoader? _loader;
    private readonly ILogger _logger;
    private readonly Lock _reloadLock = new();
    private Answerer _current;

    /// <summary>Serves <paramref name="answerer"/>; <paramref name="loader"/> enables <see cref="Reload"/>.</summary>
    public AnswerEngine(Answerer answerer, AnswerEngineLoader? loader = null, ILogger<AnswerEngine>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(answerer);
        _current = answerer;
        _loader = loader;
        _logger = logger ?? NullLogger<AnswerEngine>.Instance;
    }

    /// <inheritdoc />
    public KnowledgeBase KnowledgeBase => Volatile.Read(ref _current).KnowledgeBase;

    /// <summary>The answerer being served (for evaluation and diagnostics).</summary>
    public Answerer Current => Volatile.Read(ref _current);

    /// <inheritdoc />
    public AnswerEngineStatus Status
    {
        get
        {
            var current = Volatile.Read(ref _current);
            var metadata = current.Model.Metadata;
            return new AnswerEngineStatus(true, current.KnowledgeBase.Entries.Count, metadata.KnowledgeBaseHash, metadata.TrainedAt);
        }
    }

    /// <inheritdoc />
    public AnswerOutcome Ask(string question)
    {
        var current = Volatile.Read(ref _current);
        try
        {
            return current.Ask(question);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A question must never take the bot down: log and decline.
            _logger.LogError(ex, "Answering failed; declining the question.");
            return new Declined(question ?? "", 0, []);
        }
    }

    /// <inheritdoc />
    public FaqEntry? FindEntry(string entryId) => Volatile.Read(ref _current).FindEntry(entryId);

    /// <summary>Loads or trains a model for <paramref name="knowledgeBase"/> and swaps it in; the old one serves until then.</summary>
    /// <returns>True when a model had to be trained.</returns>
    public bool Reload(KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        if (_loader is null)
        {
            throw new InvalidOperationException("This engine was built without a loader and cannot reload.");
        }

        lock (_reloadLock)
        {
            var next = _loader.LoadOrTrain(knowledgeBase, out var trained);
            Volatile.Write(ref _current, next);
            return trained;
        }
    }

    /// <summary>Swaps in an answerer built elsewhere.</summary>
    public void Swap(Answerer answerer)
    {
        ArgumentNullException.ThrowIfNull(answerer);
        Volatile.Write(ref _current, answerer);
    }
}
