using System.Text.Json;
using FaqBot.Classifier.Embeddings;
using FaqBot.Classifier.Training;

namespace FaqBot.Classifier.Storage;

/// <summary>
/// Saves and loads the model under the model directory: <c>answer-model.zip</c> (the ML.NET scope model),
/// <c>answer-vectors.bin</c> (the embeddings) and <c>answer-model.json</c> (metadata holding both files' SHA-256). Each
/// file is written to a temporary name and moved into place; the metadata is moved last, so a crash leaves either the
/// old set or a hash mismatch, and a mismatched, corrupt or stale model is never loaded.
/// </summary>
public sealed class ModelStore
{
    /// <summary>The model file name.</summary>
    public const string ModelFile = "answer-model.zip";

    /// <summary>The vectors file name.</summary>
    public const string VectorsFile = "answer-vectors.bin";

    /// <summary>The metadata file name.</summary>
    public const string MetadataFile = "answer-model.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>Creates a store over <paramref name="directory"/>.</summary>
    public ModelStore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The absolute model directory.</summary>
    public string Directory { get; }

    /// <summary>Full path of the model file.</summary>
    public string ModelPath => Path.Combine(Directory, ModelFile);

    /// <summary>Full path of the vectors file.</summary>
    public string VectorsPath => Path.Combine(Directory, VectorsFile);

    /// <summary>Full path of the metadata file.</summary>
    public string MetadataPath => Path.Combine(Directory, MetadataFile);

    /// <summary>Writes the model atomically (see class remarks) and returns the metadata as stored.</summary>
    public ModelMetadata Save(AnswerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        System.IO.Directory.CreateDirectory(Directory);
        var bytes = model.Scope.ToBytes();
        var vectors = model.Vectors.ToBytes();
        var metadata = model.Metadata with { ModelSha256 = AnswerModel.Sha256(bytes), VectorsSha256 = AnswerModel.Sha256(vectors) };
        var suffix = $".{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        var modelTemp = ModelPath + suffix;
        var vectorsTemp = VectorsPath + suffix;
        var metadataTemp = MetadataPath + suffix;
        try
        {
            File.WriteAllBytes(modelTemp, bytes);
            File.WriteAllBytes(vectorsTemp, vectors);
            File.WriteAllText(metadataTemp, JsonSerializer.Serialize(metadata, JsonOptions));
            File.Move(modelTemp, ModelPath, overwrite: true);
            File.Move(vectorsTemp, VectorsPath, overwrite: true);
            File.Move(metadataTemp, MetadataPath, overwrite: true);
        }
        finally
        {
            File.Delete(modelTemp);
            File.Delete(vectorsTemp);
            File.Delete(metadataTemp);
        }

        return metadata;
    }

    /// <summary>
    /// The stored vectors whatever they were trained on, for a retrain to start from (so one edited article re-embeds only
    /// what changed); empty when there are none or they cannot be read.
    /// </summary>
    public TextVectors LoadVectorCache()
    {
        try
        {
            return File.Exists(VectorsPath) ? TextVectors.FromBytes(File.ReadAllBytes(VectorsPath)) : TextVectors.Empty;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or EndOfStreamException)
        {
            return TextVectors.Empty;
        }
    }

    /// <summary>
    /// Loads the stored model when it was trained on <paramref name="knowledgeBaseHash"/>; otherwise returns null with the
    /// reason (missing, stale, corrupt), never a half-loaded model.
    /// </summary>
    public AnswerModel? TryLoad(string knowledgeBaseHash, out string reason)
    {
        if (!File.Exists(MetadataPath) || !File.Exists(ModelPath) || !File.Exists(VectorsPath))
        {
            reason = $"no model in {Directory}";
            return null;
        }

        try
        {
            var metadata = JsonSerializer.Deserialize<ModelMetadata>(File.ReadAllText(MetadataPath));
            if (metadata is null)
            {
                reason = $"{MetadataPath} is empty";
                return null;
            }

            if (metadata.FormatVersion != AnswerModel.FormatVersion)
            {
                reason = $"the stored model has format {metadata.FormatVersion}, this build needs {AnswerModel.FormatVersion}";
                return null;
            }

            if (!string.Equals(metadata.KnowledgeBaseHash, knowledgeBaseHash, StringComparison.Ordinal))
            {
                reason = "the stored model was trained on another version of the articles";
                return null;
            }

            var bytes = File.ReadAllBytes(ModelPath);
            if (!string.Equals(AnswerModel.Sha256(bytes), metadata.ModelSha256, StringComparison.Ordinal))
            {
                reason = $"{ModelPath} does not match its metadata (corrupt or half-written)";
                return null;
            }

            var vectors = File.ReadAllBytes(VectorsPath);
            if (!string.Equals(AnswerModel.Sha256(vectors), metadata.VectorsSha256, StringComparison.Ordinal))
            {
                reason = $"{VectorsPath} does not match its metadata (corrupt or half-written)";
                return null;
            }

            reason = "";
            return new AnswerModel(ScopeModel.FromBytes(bytes, metadata.Seed), TextVectors.FromBytes(vectors), metadata);
        }
        catch (Exception ex) when (ex is JsonException or IOException or InvalidOperationException or FormatException
            or InvalidDataException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            reason = $"the stored model could not be read ({ex.GetType().Name}: {ex.Message})";
            return null;
        }
    }
}
