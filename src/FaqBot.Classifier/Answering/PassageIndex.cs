namespace FaqBot.Classifier.Answering;

/// <summary>BM25 over passages' content stems: the lexical half of passage ranking (names, numbers, rare terms).</summary>
/// <remarks>
/// Inverted: each stem lists the passages that use it with its BM25 term already computed (a term depends only on the
/// stem and the passage), so scoring a question touches only the passages sharing one of its few stems.
/// </remarks>
public sealed class PassageIndex
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private readonly Dictionary<string, Posting[]> _postings;
    private readonly Dictionary<string, double> _idf;

    /// <summary>Indexes passages given as their stems, in order.</summary>
    public PassageIndex(IReadOnlyList<IReadOnlyList<string>> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var termFrequencies = new List<Dictionary<string, int>>(passages.Count);
        var lengths = new List<int>(passages.Count);
        foreach (var stems in passages)
        {
            termFrequencies.Add(stems.GroupBy(s => s, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));
            lengths.Add(stems.Count);
        }

        var averageLength = lengths.Count == 0 ? 1 : Math.Max(1, lengths.Average());
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var terms in termFrequencies)
        {
            foreach (var term in terms.Keys)
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            }
        }

        var n = Math.Max(1, termFrequencies.Count);
        _idf = documentFrequency.ToDictionary(
            d => d.Key, d => Math.Log(1 + ((n - d.Value + 0.5) / (d.Value + 0.5))), StringComparer.Ordinal);
        MaxIdf = Math.Log(1 + ((termFrequencies.Count + 0.5) / 0.5));

        var postings = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        for (var passage = 0; passage < termFrequencies.Count; passage++)
        {
            var length = lengths[passage];
            foreach (var (stem, tf) in termFrequencies[passage])
            {
                var term = _idf[stem] * tf * (K1 + 1) / (tf + (K1 * (1 - B + (B * length / averageLength))));
                if (!postings.TryGetValue(stem, out var list))
                {
                    postings[stem] = list = [];
                }

                list.Add(new Posting(passage, term));
            }
        }

        _postings = postings.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        Count = passages.Count;
    }

    /// <summary>How many passages are indexed; <see cref="Score"/> fills one score per passage.</summary>
    public int Count { get; }

    /// <summary>The IDF of a stem found in no passage.</summary>
    public double MaxIdf { get; }

    /// <summary>True when some passage uses the stem.</summary>
    public bool Contains(string stem) => _idf.ContainsKey(stem);

    /// <summary>Inverse document frequency of a stem; stems no passage uses get the highest possible value.</summary>
    public double Idf(string stem) => _idf.TryGetValue(stem, out var idf) ? idf : MaxIdf;

    /// <summary>BM25 of every passage for the distinct query stems, written to <paramref name="scores"/> (one per passage).</summary>
    public void Score(IReadOnlyList<string> queryStems, Span<double> scores)
    {
        ArgumentNullException.ThrowIfNull(queryStems);
        if (scores.Length != Count)
        {
            throw new ArgumentException($"Expected room for {Count} passage scores, got {scores.Length}.", nameof(scores));
        }

        scores.Clear();
        foreach (var stem in queryStems)
        {
            if (_postings.TryGetValue(stem, out var postings))
            {
                foreach (var (passage, term) in postings)
                {
                    scores[passage] += term;
                }
            }
        }
    }

    private readonly record struct Posting(int Passage, double Term);
}
