using FaqBot.Classifier.Answering;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace FaqBot.Classifier.Training;

/// <summary>
/// The ML.NET model behind the engine's one confidence: logistic regression over a candidate answer's
/// <see cref="Ranking.Features"/>, trained per knowledge base on questions generated from its articles (in scope) and
/// the shipped generic questions (out of scope). Thread-safe: predictions come from a pool of engines.
/// </summary>
public sealed class ScopeModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly ObjectPool<PredictionEngine<ScopeExample, ScopePrediction>> _pool;

    private ScopeModel(MLContext ml, ITransformer transformer)
    {
        _ml = ml;
        _transformer = transformer;
        _pool = new DefaultObjectPoolProvider { MaximumRetained = Environment.ProcessorCount * 2 }
            .Create(new EnginePolicy(ml, transformer));
    }

    /// <summary>Fits the model; both classes are weighted to the same total (fixed seed, one thread: it repeats exactly).</summary>
    public static ScopeModel Train(IReadOnlyList<ScopeExample> examples, int seed)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var positives = examples.Count(e => e.Label);
        var negatives = examples.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            throw new InvalidOperationException("The scope model needs examples of both answerable and out-of-scope questions.");
        }

        foreach (var example in examples)
        {
            example.Weight = examples.Count / (2f * (example.Label ? positives : negatives));
        }

        var ml = new MLContext(seed);
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(ScopeExample.Label),
            FeatureColumnName = nameof(ScopeExample.Features),
            ExampleWeightColumnName = nameof(ScopeExample.Weight),
            NumberOfThreads = 1,
        });
        return new ScopeModel(ml, trainer.Fit(ml.Data.LoadFromEnumerable(examples)));
    }

    /// <summary>The probability that a candidate with these features answers the question.</summary>
    public float Probability(float[] features)
    {
        var engine = _pool.Get();
        try
        {
            return engine.Predict(new ScopeExample { Features = features }).Probability;
        }
        finally
        {
            _pool.Return(engine);
        }
    }

    /// <summary>The model as ML.NET's zip bytes.</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        _ml.Model.Save(_transformer, _ml.Data.LoadFromEnumerable(Array.Empty<ScopeExample>()).Schema, stream);
        return stream.ToArray();
    }

    /// <summary>Loads what <see cref="ToBytes"/> wrote.</summary>
    public static ScopeModel FromBytes(byte[] bytes, int seed)
    {
        var ml = new MLContext(seed);
        using var stream = new MemoryStream(bytes, writable: false);
        return new ScopeModel(ml, ml.Model.Load(stream, out _));
    }

    private sealed class EnginePolicy(MLContext ml, ITransformer transformer) : IPooledObjectPolicy<PredictionEngine<ScopeExample, ScopePrediction>>
    {
        public PredictionEngine<ScopeExample, ScopePrediction> Create() => ml.Model.CreatePredictionEngine<ScopeExample, ScopePrediction>(transformer);

        public bool Return(PredictionEngine<ScopeExample, ScopePrediction> obj) => true;
    }
}
