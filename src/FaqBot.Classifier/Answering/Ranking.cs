using FaqBot.Knowledge.Model;

namespace FaqBot.Classifier.Answering;

/// <summary>
/// How every unit of a knowledge base scored for one question, and the features that say whether a candidate answers
/// it (read by the scope model, the engine's one confidence).
/// </summary>
public sealed class Ranking
{
    /// <summary>How many features <see cref="Features"/> returns.</summary>
    public const int FeatureCount = 11;

    private readonly KnowledgeIndex _index;
    private readonly float[] _cosine;
    private readonly float[] _sentence;
    private readonly double[] _lexical;
    private readonly double _maxLexical;
    private readonly double[] _hybrid;
    private readonly float[] _entryQuestion;
    private readonly int[] _entryBest;
    private readonly float _nearestGeneric;

    internal Ranking(
        KnowledgeIndex index, float[] cosine, float[] sentence, double[] lexical, double maxLexical, double[] hybrid, float[] entryQuestion, float nearestGeneric)
    {
        _nearestGeneric = nearestGeneric;
        _index = index;
        _cosine = cosine;
        _sentence = sentence;
        _lexical = lexical;
        _maxLexical = maxLexical;
        _hybrid = hybrid;
        _entryQuestion = entryQuestion;

        _entryBest = new int[index.Entries.Count];
        Array.Fill(_entryBest, -1);
        for (var u = 0; u < hybrid.Length; u++)
        {
            var entry = index.EntryOf(u);
            if (_entryBest[entry] < 0 || hybrid[u] > hybrid[_entryBest[entry]])
            {
                _entryBest[entry] = u;
            }
        }

        // Best first; ties keep the knowledge base's order.
        RankedUnits = [.. _entryBest.Where(u => u >= 0).OrderByDescending(u => hybrid[u]).ThenBy(u => u)];
    }

    /// <summary>Each entry's best unit, best entry first.</summary>
    public IReadOnlyList<int> RankedUnits { get; }

    /// <summary>The best unit, or -1 for an empty knowledge base.</summary>
    public int Best => RankedUnits.Count > 0 ? RankedUnits[0] : -1;

    /// <summary>A unit's combined score (embedding, its best sentence and BM25).</summary>
    public double Score(int unit) => _hybrid[unit];

    /// <summary>The best unit of the same entry as <paramref name="unit"/> other than the units in <paramref name="shown"/>, or -1.</summary>
    public int NextInEntry(int unit, IReadOnlyCollection<int> shown)
    {
        var entry = _index.EntryOf(unit);
        var best = -1;
        for (var u = 0; u < _hybrid.Length; u++)
        {
            if (_index.EntryOf(u) == entry && !shown.Contains(u) && (best < 0 || _hybrid[u] > _hybrid[best]))
            {
                best = u;
            }
        }

        return best;
    }

    /// <summary>True when the question is closer to a generic out-of-scope question than to <paramref name="unit"/>.</summary>
    public bool LooksGeneric(int unit) => _cosine[unit] < _nearestGeneric;

    /// <summary>What the scope model reads about <paramref name="unit"/> as the answer to the question.</summary>
    /// <remarks>
    /// Only how the question matches the unit, never which words it shares with the articles: questions generated
    /// from an article share all their words with it, real ones do not, so word overlap learnt from generated questions
    /// declines real ones. The last feature says how much closer the question is to the unit than to the nearest
    /// generic out-of-scope question: a question on another topic may share words with an article, but it is closer to
    /// small talk, arithmetic or everyday questions than to any passage.
    /// </remarks>
    public float[] Features(int unit)
    {
        var entry = _index.EntryOf(unit);
        var otherEntries = RankedUnits.FirstOrDefault(u => _index.EntryOf(u) != entry, -1);
        var answer = _index.Units[unit];
        return
        [
            _cosine[unit],
            _sentence[unit],
            (float)(_maxLexical > 0 ? _lexical[unit] / _maxLexical : 0),
            (float)Math.Min(_lexical[unit] / 10, 3),
            _entryQuestion[entry],
            answer.Entry.Kind == EntryKind.Faq ? 1 : 0,
            answer.Position == 0 ? 1 : 0,
            (float)(Math.Log(1 + answer.Text.Length) / 7),
            (float)(_hybrid[Best] - _hybrid[unit]),
            (float)(otherEntries < 0 ? 1 : _hybrid[unit] - _hybrid[otherEntries]),
            _cosine[unit] - _nearestGeneric,
        ];
    }
}
