namespace FaqBot.Classifier.Answering;

/// <summary>BM25 over passages' content stems: the lexical re-ranker that picks the passage(s) inside an entry.</summary>
public sealed class PassageIndex
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private readonly Dictionary<string, Dictionary<string, int>> _termFrequencies;
    private readonly Dictionary<string, int> _lengths;
    private readonly Dictionary<string, double> _idf;
    private readonly double _averageLength;

    /// <summary>Indexes passages given as label → stems.</summary>
    public PassageIndex(IReadOnlyDictionary<string, IReadOnlyList<string>> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        _termFrequencies = passages.ToDictionary(
            p => p.Key,
            p => p.Value.GroupBy(s => s, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            StringComparer.Ordinal);
        _lengths = passages.ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.Ordinal);
        _averageLength = _lengths.Count == 0 ? 1 : Math.Max(1, _lengths.Values.Average());
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var terms in _termFrequencies.Values)
        {
            foreach (var term in terms.Keys)
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            }
        }

        var n = Math.Max(1, _termFrequencies.Count);
        _idf = documentFrequency.ToDictionary(
            d => d.Key, d => Math.Log(1 + ((n - d.Value + 0.5) / (d.Value + 0.5))), StringComparer.Ordinal);
    }

    /// <summary>Inverse document frequency of a stem; stems no passage uses get the highest possible value.</summary>
    public double Idf(string stem) => _idf.TryGetValue(stem, out var idf) ? idf : MaxIdf;

    /// <summary>The IDF of a stem found in no passage.</summary>
    public double MaxIdf => Math.Log(1 + ((_termFrequencies.Count + 0.5) / 0.5));

    /// <summary>BM25 of <paramref name="label"/>'s passage for the distinct query stems.</summary>
    public double Score(string label, IReadOnlyCollection<string> queryStems)
    {
        if (!_termFrequencies.TryGetValue(label, out var terms))
        {
            return 0;
        }

        var length = _lengths[label];
        var score = 0.0;
        foreach (var stem in queryStems)
        {
            if (terms.TryGetValue(stem, out var tf))
            {
                score += _idf[stem] * tf * (K1 + 1) / (tf + (K1 * (1 - B + (B * length / _averageLength))));
            }
        }

        return score;
    }
}
