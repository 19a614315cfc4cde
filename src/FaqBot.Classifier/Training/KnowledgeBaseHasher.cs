using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FaqBot.Knowledge.Model;

namespace FaqBot.Classifier.Training;

/// <summary>Fingerprints everything a model depends on: knowledge base, classifier data, featuriser version, seed.</summary>
public static class KnowledgeBaseHasher
{
    /// <summary>Lowercase hex SHA-256.</summary>
    public static string Hash(KnowledgeBase knowledgeBase, ClassifierData data, int seed)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(data);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(JsonSerializer.SerializeToUtf8Bytes(knowledgeBase));
        sha.AppendData(Encoding.UTF8.GetBytes(data.LexiconText));
        sha.AppendData(Encoding.UTF8.GetBytes(data.NegativesText));
        sha.AppendData(Encoding.UTF8.GetBytes($"format={AnswerModel.FormatVersion};seed={seed}"));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
