using System.Text.Json;
using System.Text.Json.Serialization;
using FaqBot.Knowledge.Model;
using FaqBot.Knowledge.Storage;

namespace FaqBot.Knowledge.Serialization;

/// <summary>Reads and writes the knowledge base as JSON: camelCase, indented, enums as strings.</summary>
public static class KnowledgeBaseJson
{
    /// <summary>The options <c>extract</c> writes with and every stage reads with.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    /// <summary>The same shape without indentation: the canonical form that <see cref="KnowledgeBaseHash"/> hashes.</summary>
    internal static JsonSerializerOptions Compact { get; } = Create(indented: false);

    /// <summary>The knowledge base as indented JSON.</summary>
    public static string Serialize(KnowledgeBase knowledgeBase) => JsonSerializer.Serialize(knowledgeBase, Options);

    /// <summary>Parses JSON text; <paramref name="filePath"/> names the source in errors.</summary>
    /// <exception cref="KnowledgeBaseFormatException">The text is not a valid knowledge base.</exception>
    public static KnowledgeBase Deserialize(string json, string filePath = "knowledge base")
    {
        KnowledgeBase? knowledgeBase;
        try
        {
            knowledgeBase = JsonSerializer.Deserialize<KnowledgeBase>(json, Options);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}" : string.Empty;
            throw new KnowledgeBaseFormatException(filePath, $"is not a valid knowledge base{where}: {ex.Message} Run 'extract' again to rebuild it.", ex);
        }

        if (knowledgeBase?.Articles is null || knowledgeBase.Entries is null)
        {
            throw new KnowledgeBaseFormatException(filePath, "is not a knowledge base (it needs 'articles' and 'entries'). Run 'extract' again to rebuild it.");
        }

        var bad = knowledgeBase.Entries.FirstOrDefault(e => e is null || e.Questions.Count == 0 || e.Questions.Any(q => q is null));
        if (bad is not null || knowledgeBase.Entries.Count(e => e is not null) != knowledgeBase.Entries.Count)
        {
            throw new KnowledgeBaseFormatException(filePath, $"has an entry without questions ({bad?.Id ?? "null entry"}). Run 'extract' again to rebuild it.");
        }

        return knowledgeBase;
    }

    /// <summary>Reads a knowledge base file.</summary>
    /// <exception cref="KnowledgeBaseFormatException">The file is missing or not a valid knowledge base.</exception>
    public static async Task<KnowledgeBase> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KnowledgeBaseFormatException(path, $"cannot be read: {ex.Message}", ex);
        }

        return Deserialize(json, path);
    }

    /// <summary>Writes a knowledge base file atomically (never half-written).</summary>
    public static Task WriteAsync(string path, KnowledgeBase knowledgeBase, CancellationToken cancellationToken = default) =>
        AtomicFile.WriteAllTextAsync(path, Serialize(knowledgeBase) + "\n", cancellationToken);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowTrailingCommas = false,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
