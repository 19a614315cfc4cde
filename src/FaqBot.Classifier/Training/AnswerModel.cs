using System.Security.Cryptography;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace FaqBot.Classifier.Training;

/// <summary>
/// A trained ML.NET classifier with its metadata. Predictions come from a pool of <see cref="PredictionEngine{TSrc,TDst}"/>
/// because one engine is not thread-safe. Immutable once built; swapped whole on reload.
/// </summary>
public sealed class AnswerModel
{
    /// <summary>Bump when the featuriser, training set or file layout changes so stored models are rebuilt.</summary>
    public const int FormatVersion = 2;

    private readonly MLContext _ml;
    private readonly ObjectPool<PredictionEngine<QueryRow, ScoreRow>> _pool;

    /// <summary>Wraps a trained transformer.</summary>
    public AnswerModel(MLContext ml, ITransformer transformer, ModelMetadata metadata)
    {
        _ml = ml;
        Transformer = transformer;
        Metadata = metadata;
        var inputSchema = ml.Data.LoadFromEnumerable(Array.Empty<QueryRow>()).Schema;
        var scoreColumn = transformer.GetOutputSchema(inputSchema)["Score"];
        VBuffer<ReadOnlyMemory<char>> names = default;
        scoreColumn.GetSlotNames(ref names);
        Labels = names.DenseValues().Select(n => n.ToString()).ToArray();
        _pool = new DefaultObjectPoolProvider { MaximumRetained = Environment.ProcessorCount * 2 }
            .Create(new EnginePolicy(ml, transformer));
    }

    /// <summary>The ML.NET model.</summary>
    public ITransformer Transformer { get; }

    /// <summary>What the model was trained on and its calibrated thresholds.</summary>
    public ModelMetadata Metadata { get; }

    /// <summary>Class labels in score order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Returns a copy with other metadata (after calibration).</summary>
    public AnswerModel WithMetadata(ModelMetadata metadata) => new(_ml, Transformer, metadata);

    /// <summary>Class probabilities for normalised text, in <see cref="Labels"/> order.</summary>
    public float[] Score(string normalizedText)
    {
        var engine = _pool.Get();
        try
        {
            return engine.Predict(new QueryRow { Text = normalizedText }).Score;
        }
        finally
        {
            _pool.Return(engine);
        }
    }

    /// <summary>Serialises the ML.NET model and returns its SHA-256.</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        _ml.Model.Save(Transformer, _ml.Data.LoadFromEnumerable(Array.Empty<QueryRow>()).Schema, stream);
        return stream.ToArray();
    }

    /// <summary>Lowercase hex SHA-256 of model bytes.</summary>
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Loads a model saved by <see cref="ToBytes"/>.</summary>
    public static AnswerModel FromBytes(byte[] bytes, ModelMetadata metadata)
    {
        var ml = new MLContext(metadata.Seed);
        using var stream = new MemoryStream(bytes, writable: false);
        var transformer = ml.Model.Load(stream, out _);
        return new AnswerModel(ml, transformer, metadata);
    }

    private sealed class EnginePolicy(MLContext ml, ITransformer transformer) : IPooledObjectPolicy<PredictionEngine<QueryRow, ScoreRow>>
    {
        public PredictionEngine<QueryRow, ScoreRow> Create() => ml.Model.CreatePredictionEngine<QueryRow, ScoreRow>(transformer);

        public bool Return(PredictionEngine<QueryRow, ScoreRow> obj) => true;
    }
}
