using System.Security.Cryptography;
using FaqBot.Classifier.Embeddings;

namespace FaqBot.Classifier.Training;

/// <summary>A trained model: the scope model, the vectors of everything it matches against, and what it was trained on.</summary>
/// <param name="Scope">The ML.NET confidence model.</param>
/// <param name="Vectors">The knowledge base's vectors (and the generated questions', kept for the next retrain).</param>
/// <param name="Metadata">Provenance and thresholds.</param>
public sealed record AnswerModel(ScopeModel Scope, TextVectors Vectors, ModelMetadata Metadata)
{
    /// <summary>Bump when features, generation or file layout change so stored models are rebuilt.</summary>
    public const int FormatVersion = 5;

    /// <summary>Lowercase hex SHA-256 of file bytes.</summary>
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
