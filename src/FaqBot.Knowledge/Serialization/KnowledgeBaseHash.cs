using System.Security.Cryptography;
using System.Text.Json;
using FaqBot.Knowledge.Model;

namespace FaqBot.Knowledge.Serialization;

/// <summary>A fingerprint of a knowledge base's content, so later stages can tell whether a trained model is current.</summary>
public static class KnowledgeBaseHash
{
    /// <summary>Lowercase hex SHA-256 of the knowledge base's canonical (compact) JSON.</summary>
    public static string Compute(KnowledgeBase knowledgeBase)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(knowledgeBase, KnowledgeBaseJson.Compact);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
