using System.Diagnostics;
using System.Numerics.Tensors;
using FaqBot.Classifier.Answering;
using FaqBot.Classifier.Embeddings;
using FaqBot.Knowledge.Model;

namespace FaqBot.Classifier.Training;

/// <summary>
/// Trains a model for a knowledge base: embed its units, their sentences, its entries' questions, the generic
/// out-of-scope questions and questions generated from its text (reusing vectors a previous model already has), then fit
/// the scope model on the generated questions (answerable) against the generic ones (out of scope), each as the features
/// of its best candidate, with the generic ones compared with each other. Same knowledge base and seed, same model.
/// </summary>
public sealed class AnswerModelTrainer
{
    private readonly TrainerSettings _settings;
    private readonly Func<SentenceEmbedder> _embedder;

    /// <summary>Creates a trainer.</summary>
    public AnswerModelTrainer(TrainerSettings settings, SentenceEmbedder embedder)
        : this(settings, () => embedder)
    {
        ArgumentNullException.ThrowIfNull(embedder);
    }

    /// <summary>
    /// Creates a trainer that gets the embedder only when it needs one: loading the embedding model takes seconds, and a
    /// retrain whose texts all have cached vectors needs none.
    /// </summary>
    public AnswerModelTrainer(TrainerSettings settings, Func<SentenceEmbedder> embedder)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(embedder);
        _settings = settings;
        _embedder = embedder;
    }

    /// <summary>Trains; <paramref name="cache"/> holds vectors that need not be computed again (a previous model's).</summary>
    public TrainingOutcome Train(
        KnowledgeBase knowledgeBase, ClassifierData data, TextVectors? cache = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(data);
        if (knowledgeBase.Entries.Count == 0)
        {
            throw new InvalidOperationException("The knowledge base has no entries: nothing to train on. Check the articles folder.");
        }

        var clock = Stopwatch.StartNew();
        var negatives = GenericQuestions(data, _settings);
        var generated = QuestionGenerator.Generate(knowledgeBase, _settings.Seed, _settings.MaxGeneratedQuestions);
        var texts = KnowledgeIndex.TextsToEmbed(knowledgeBase).Concat(negatives.Concat(generated).Select(SentenceEmbedder.QueryText));
        var embedded = 0;
        var vectors = TextVectors.Build(texts, cache ?? TextVectors.Empty, missing =>
        {
            embedded = missing.Count;
            progress?.Report(cache is { Count: > 0 }
                ? $"Embedding {missing.Count} new or changed texts; the rest come from the previous model."
                : $"Embedding {missing.Count} texts.");
            return missing.Count == 0 ? [] : _embedder().Embed(missing, cancellationToken);
        });
        progress?.Report($"Embedded in {clock.Elapsed.TotalSeconds:0.0} s.");

        // A generic question as close to the articles as a typical generated one may well be in scope here (a cooking
        // question against a cooking article): it is neither taught as out of scope nor compared with.
        var unitVectors = AnswerUnit.Of(knowledgeBase).Select(u => vectors.Get(u.EmbeddingText)).ToList();
        var typicalCosine = generated.Select(q => NearestCosine(vectors.Get(SentenceEmbedder.QueryText(q)), unitVectors)).Order().ToList();
        var tooClose = typicalCosine.Count > 0 ? typicalCosine[typicalCosine.Count / 2] : float.MaxValue;
        var inScopeGeneric = negatives.Where(q => NearestCosine(vectors.Get(SentenceEmbedder.QueryText(q)), unitVectors) >= tooClose).ToList();
        var generic = negatives.Except(inScopeGeneric, StringComparer.Ordinal).ToList();

        var settings = AnswerSettings.Default;
        var index = new KnowledgeIndex(knowledgeBase, NormalizerFactory.Create(knowledgeBase, data), vectors, generic);
        // Ranking is a scan over every unit and sentence per question: spread over the cores on a large knowledge base.
        var ranked = FeaturesOfBest(index, generated, vectors, settings, isGeneric: false);
        var outOfScope = FeaturesOfBest(index, generic, vectors, settings, isGeneric: true).Select(r => r.Features);
        progress?.Report($"Indexed and ranked {generated.Count + generic.Count} questions in {clock.Elapsed.TotalSeconds:0.0} s.");

        // A generated question closer to a generic one than to its best passage reads as small talk or an everyday
        // question (a run of common words), not as one the articles answer: taught as in scope, it would teach the
        // model to answer far-off questions. Kept only if every generated question is like that.
        var typical = ranked.Where(r => !r.LooksGeneric).Select(r => r.Features).ToList();
        var positives = typical.Count > 0 ? typical : [.. ranked.Select(r => r.Features)];
        var examples = positives.Select(f => new ScopeExample { Label = true, Features = f })
            .Concat(outOfScope.Select(f => new ScopeExample { Label = false, Features = f }))
            .ToList();

        var scope = ScopeModel.Train(examples, _settings.Seed);
        clock.Stop();
        progress?.Report($"Trained the scope model on {examples.Count} examples in {clock.Elapsed.TotalSeconds:0.0} s.");
        var metadata = new ModelMetadata(
            AnswerModel.FormatVersion,
            KnowledgeBaseHasher.Hash(knowledgeBase, data, _settings.Seed),
            ModelSha256: "",
            VectorsSha256: "",
            DateTimeOffset.UtcNow,
            _settings.Seed,
            examples.Count,
            embedded,
            clock.Elapsed.TotalSeconds,
            settings.DeclineThreshold,
            settings.ClarificationMargin,
            inScopeGeneric);
        var model = new AnswerModel(scope, vectors, metadata);
        return new TrainingOutcome(model, index, generated, () => new Answerer(index, model, _embedder(), settings));
    }

    /// <summary>
    /// The generic out-of-scope questions a model learns from and the index compares questions with: an even sample of
    /// the shipped ones, each once.
    /// </summary>
    public static IReadOnlyList<string> GenericQuestions(ClassifierData data, TrainerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        return EvenSample([.. data.Negatives.Distinct(StringComparer.Ordinal)], settings.MaxNegatives);
    }

    // A generic question (isGeneric: the questions are the index's generic ones, in order) is ranked without itself
    // among the generic questions.
    private static (float[] Features, bool LooksGeneric)[] FeaturesOfBest(
        KnowledgeIndex index, IReadOnlyList<string> questions, TextVectors vectors, AnswerSettings settings, bool isGeneric)
    {
        var features = new (float[], bool)[questions.Count];
        Parallel.For(0, questions.Count, i =>
        {
            var ranking = index.Rank(questions[i], vectors.Get(SentenceEmbedder.QueryText(questions[i])), settings, isGeneric ? i : -1);
            features[i] = (ranking.Features(ranking.Best), ranking.LooksGeneric(ranking.Best));
        });
        return features;
    }

    private static float NearestCosine(float[] vector, List<float[]> others)
    {
        var nearest = float.MinValue;
        foreach (var other in others)
        {
            nearest = Math.Max(nearest, TensorPrimitives.Dot(vector, other));
        }

        return nearest;
    }

    // Every n-th line, so each topic of the file keeps its share.
    private static List<string> EvenSample(IReadOnlyList<string> items, int limit) =>
        items.Count <= limit ? [.. items] : [.. Enumerable.Range(0, limit).Select(i => items[(int)((long)i * items.Count / limit)])];
}
