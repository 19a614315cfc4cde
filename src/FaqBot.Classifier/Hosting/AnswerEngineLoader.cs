using System.Diagnostics;
using FaqBot.Classifier.Answering;
using FaqBot.Classifier.Embeddings;
using FaqBot.Classifier.Storage;
using FaqBot.Classifier.Training;
using FaqBot.Knowledge.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaqBot.Classifier.Hosting;

/// <summary>
/// Gets a ready <see cref="Answerer"/> for a knowledge base: loads the stored model when it is current, else trains one
/// (saying so in the log), saves it atomically and applies the configured threshold overrides.
/// </summary>
public sealed class AnswerEngineLoader
{
    private readonly ClassifierOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates a loader; relative paths in <paramref name="options"/> resolve against <paramref name="contentRoot"/>.</summary>
    /// <param name="options">Where models and classifier data live, and threshold overrides.</param>
    /// <param name="contentRoot">What relative paths are relative to.</param>
    /// <param name="logger">Where loading and training are logged.</param>
    public AnswerEngineLoader(ClassifierOptions options, string contentRoot, ILogger<AnswerEngineLoader>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger ?? NullLogger<AnswerEngineLoader>.Instance;
        Store = new ModelStore(Path.GetFullPath(options.ModelDirectory, contentRoot));
        Data = ClassifierData.Load(Path.GetFullPath(options.DataDirectory, contentRoot));
    }

    /// <summary>Where models are stored.</summary>
    public ModelStore Store { get; }

    /// <summary>The lexicon and out-of-scope data in use.</summary>
    public ClassifierData Data { get; }

    /// <summary>The trainer settings from options.</summary>
    public TrainerSettings TrainerSettings => new(Seed: _options.Seed);

    /// <summary>The hash a model for <paramref name="knowledgeBase"/> must carry.</summary>
    public string HashOf(KnowledgeBase knowledgeBase) => KnowledgeBaseHasher.Hash(knowledgeBase, Data, _options.Seed);

    /// <summary>Loads the current model or trains one.</summary>
    /// <param name="knowledgeBase">The knowledge base to answer from.</param>
    /// <param name="trained">True when a model had to be trained.</param>
    /// <param name="progress">Training progress, if any.</param>
    /// <param name="cache">
    /// Vectors to start a retrain from (a running host's current model); null reads them from the stored model.
    /// </param>
    public Answerer LoadOrTrain(KnowledgeBase knowledgeBase, out bool trained, IProgress<string>? progress = null, TextVectors? cache = null)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        var clock = Stopwatch.StartNew();
        var model = Store.TryLoad(HashOf(knowledgeBase), out var reason);
        trained = model is null;
        if (model is not null)
        {
            _logger.LogInformation(
                "Loaded the answer model from {Path} (trained {TrainedAt:u}) in {Seconds:0.0} s.", Store.ModelPath, model.Metadata.TrainedAt, clock.Elapsed.TotalSeconds);
            clock.Restart();
            var answerer = Build(knowledgeBase, model);
            _logger.LogDebug("Indexed {Entries} entries in {Seconds:0.0} s.", knowledgeBase.Entries.Count, clock.Elapsed.TotalSeconds);
            return answerer;
        }

        _logger.LogInformation("Training the answer model ({Reason}).", reason);
        progress?.Report($"Training the answer model ({reason}).");
        var outcome = Train(knowledgeBase, progress, cache);
        clock.Restart();
        var stored = Store.Save(outcome.Model);
        _logger.LogInformation(
            "Trained the answer model on {Entries} entries in {Seconds:0.0} s ({Embedded} texts embedded); saved to {Path} in {SaveSeconds:0.0} s.",
            knowledgeBase.Entries.Count, stored.TrainingSeconds, stored.Embedded, Store.ModelPath, clock.Elapsed.TotalSeconds);

        // The trainer's index is the one a load would build: reused, not built again.
        return Build(outcome.Index, outcome.Model with { Metadata = stored });
    }

    /// <summary>
    /// Trains (without saving), reusing the vectors of <paramref name="cache"/> (else the stored model's) for every text
    /// that did not change.
    /// </summary>
    public TrainingOutcome Train(KnowledgeBase knowledgeBase, IProgress<string>? progress = null, TextVectors? cache = null) =>
        new AnswerModelTrainer(TrainerSettings, () => SentenceEmbedder.Shared).Train(knowledgeBase, Data, cache ?? Store.LoadVectorCache(), progress);

    /// <summary>An answerer over a trained model, with configured overrides applied to its thresholds.</summary>
    public Answerer Build(KnowledgeBase knowledgeBase, AnswerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var generic = AnswerModelTrainer.GenericQuestions(Data, TrainerSettings).Except(model.Metadata.InScopeGeneric, StringComparer.Ordinal).ToList();
        var index = new KnowledgeIndex(knowledgeBase, NormalizerFactory.Create(knowledgeBase, Data), model.Vectors, generic);
        return Build(index, model);
    }

    /// <summary>An answerer over an index already built for the model's knowledge base (a trainer's), with overrides applied.</summary>
    public Answerer Build(KnowledgeIndex index, AnswerModel model)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(model);
        return new Answerer(index, model, SentenceEmbedder.Shared, SettingsFor(model.Metadata));
    }

    private AnswerSettings SettingsFor(ModelMetadata metadata) => AnswerSettings.Default with
    {
        DeclineThreshold = _options.DeclineThreshold ?? metadata.DeclineThreshold,
        ClarificationMargin = _options.ClarificationMargin ?? metadata.ClarificationMargin,
    };
}
