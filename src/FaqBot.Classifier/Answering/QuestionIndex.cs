namespace FaqBot.Classifier.Answering;

/// <summary>
/// What each entry is about in its author's words (its questions and headings), as content stems weighted by IDF, and
/// how well a question matches the best of them. Inverted by stem, so a question is compared only with the entry
/// questions sharing at least one of its stems; the others match nothing.
/// </summary>
public sealed class QuestionIndex
{
    private readonly int[] _entryOf;
    private readonly string[][] _stems;
    private readonly double[][] _idf;
    private readonly double[] _totalIdf;
    private readonly Dictionary<string, int[]> _questionsWith;

    /// <summary>Indexes, for each entry in order, its questions as distinct content stems.</summary>
    public QuestionIndex(IReadOnlyList<IReadOnlyList<string[]>> entryQuestions, Func<string, double> idf)
    {
        ArgumentNullException.ThrowIfNull(entryQuestions);
        ArgumentNullException.ThrowIfNull(idf);
        EntryCount = entryQuestions.Count;
        var questions = entryQuestions
            .SelectMany((questions, entry) => questions.Where(stems => stems.Length > 0).Select(stems => (Entry: entry, Stems: stems)))
            .ToArray();
        _entryOf = [.. questions.Select(q => q.Entry)];
        _stems = [.. questions.Select(q => q.Stems)];
        _idf = [.. questions.Select(q => q.Stems.Select(idf).ToArray())];
        _totalIdf = [.. questions.Select(q => q.Stems.Sum(idf))];
        _questionsWith = Enumerable.Range(0, questions.Length)
            .SelectMany(q => questions[q].Stems.Distinct(StringComparer.Ordinal).Select(stem => (Stem: stem, Question: q)))
            .GroupBy(x => x.Stem, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Question).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>How many entries are indexed; <see cref="Match"/> fills one score per entry.</summary>
    public int EntryCount { get; }

    /// <summary>
    /// For each entry, how well the query matches its best question: the share of <paramref name="queryIdf"/> (the
    /// query's known-word IDF) the question covers, damped by the share of the question left unmatched, so a one-word
    /// overlap with a long question counts less. 0 for entries sharing no stem with the query.
    /// </summary>
    /// <param name="queryStems">The query's distinct stems.</param>
    /// <param name="queryIdf">The IDF mass to divide by (words the articles never use are left out of it).</param>
    /// <param name="scores">One score per entry, overwritten.</param>
    public void Match(IReadOnlyList<string> queryStems, double queryIdf, Span<double> scores)
    {
        ArgumentNullException.ThrowIfNull(queryStems);
        if (scores.Length != EntryCount)
        {
            throw new ArgumentException($"Expected room for {EntryCount} entry scores, got {scores.Length}.", nameof(scores));
        }

        scores.Clear();
        if (queryIdf <= 0)
        {
            return;
        }

        var candidates = _stems.Length <= 1024 ? stackalloc bool[_stems.Length] : new bool[_stems.Length];
        foreach (var stem in queryStems)
        {
            if (_questionsWith.TryGetValue(stem, out var questions))
            {
                foreach (var question in questions)
                {
                    candidates[question] = true;
                }
            }
        }

        for (var question = 0; question < _stems.Length; question++)
        {
            if (!candidates[question])
            {
                continue;
            }

            var stems = _stems[question];
            var matched = 0.0;
            for (var i = 0; i < stems.Length; i++)
            {
                if (Contains(queryStems, stems[i]))
                {
                    matched += _idf[question][i];
                }
            }

            var entry = _entryOf[question];
            if (matched > 0)
            {
                scores[entry] = Math.Max(scores[entry], matched / queryIdf * (0.5 + (0.5 * matched / _totalIdf[question])));
            }
        }
    }

    private static bool Contains(IReadOnlyList<string> stems, string stem)
    {
        for (var i = 0; i < stems.Count; i++)
        {
            if (string.Equals(stems[i], stem, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
