using System.Security.Cryptography;
using System.Text;

namespace FaqBot.Classifier.Embeddings;

/// <summary>
/// Vectors of texts, found by a hash of the text: what a model stores of its embeddings, and the cache a retrain
/// starts from, so editing one article embeds only the passages that changed. Immutable once built.
/// </summary>
public sealed class TextVectors
{
    private const int FormatMagic = 0x56544246; // "FBTV"
    private readonly Dictionary<UInt128, float[]> _vectors;

    private TextVectors(Dictionary<UInt128, float[]> vectors)
    {
        _vectors = vectors;
    }

    /// <summary>No vectors.</summary>
    public static TextVectors Empty { get; } = new([]);

    /// <summary>How many texts have a vector.</summary>
    public int Count => _vectors.Count;

    /// <summary>The vector of <paramref name="text"/>, or null.</summary>
    public float[]? Find(string text) => _vectors.GetValueOrDefault(Key(text));

    /// <summary>The vector of <paramref name="text"/>; it must have one.</summary>
    public float[] Get(string text) => Find(text)
        ?? throw new InvalidOperationException("A text has no stored vector: the model does not match its knowledge base.");

    /// <summary>
    /// Vectors for exactly <paramref name="texts"/>: those in <paramref name="cache"/> are reused, the rest embedded by
    /// <paramref name="embed"/> (given the missing texts, returning their vectors in order).
    /// </summary>
    public static TextVectors Build(IEnumerable<string> texts, TextVectors cache, Func<IReadOnlyList<string>, float[][]> embed)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(embed);
        var vectors = new Dictionary<UInt128, float[]>();
        var missing = new List<(UInt128 Key, string Text)>();
        foreach (var text in texts)
        {
            var key = Key(text);
            if (vectors.ContainsKey(key))
            {
                continue;
            }

            if (cache._vectors.TryGetValue(key, out var cached))
            {
                vectors[key] = cached;
            }
            else
            {
                vectors[key] = [];
                missing.Add((key, text));
            }
        }

        var embedded = embed([.. missing.Select(m => m.Text)]);
        for (var i = 0; i < missing.Count; i++)
        {
            vectors[missing[i].Key] = embedded[i];
        }

        return new TextVectors(vectors);
    }

    /// <summary>The vectors as bytes (see <see cref="FromBytes"/>).</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(FormatMagic);
            writer.Write(SentenceEmbedder.Dimensions);
            writer.Write(_vectors.Count);
            foreach (var (key, vector) in _vectors.OrderBy(v => v.Key))
            {
                writer.Write((ulong)(key >> 64));
                writer.Write((ulong)key);
                foreach (var value in vector)
                {
                    writer.Write(value);
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>Reads what <see cref="ToBytes"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a vectors file of this build.</exception>
    public static TextVectors FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        if (bytes.Length < 12 || reader.ReadInt32() != FormatMagic || reader.ReadInt32() != SentenceEmbedder.Dimensions)
        {
            throw new InvalidDataException("Not a FaqBot vectors file, or one from another embedding model.");
        }

        var count = reader.ReadInt32();
        if (count < 0 || (long)count * (16 + (4 * SentenceEmbedder.Dimensions)) != bytes.Length - 12)
        {
            throw new InvalidDataException("The vectors file is truncated.");
        }

        var vectors = new Dictionary<UInt128, float[]>(count);
        for (var i = 0; i < count; i++)
        {
            var key = new UInt128(reader.ReadUInt64(), reader.ReadUInt64());
            var vector = new float[SentenceEmbedder.Dimensions];
            for (var d = 0; d < vector.Length; d++)
            {
                vector[d] = reader.ReadSingle();
            }

            vectors[key] = vector;
        }

        return new TextVectors(vectors);
    }

    private static UInt128 Key(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return new UInt128(BitConverter.ToUInt64(hash), BitConverter.ToUInt64(hash[8..]));
    }
}
