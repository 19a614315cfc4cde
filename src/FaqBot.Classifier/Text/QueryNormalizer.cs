namespace FaqBot.Classifier.Text;

/// <summary>
/// Turns a question or a passage into the content-word stems BM25 compares: tokenise, spell out text speak and common
/// misspellings, fix typos against the knowledge base's vocabulary, drop stopwords, stem. Thread-safe once built.
/// </summary>
public sealed class QueryNormalizer
{
    private readonly Lexicon _lexicon;
    private readonly TypoCorrector _typos;
    private readonly HashSet<string> _knowledgeStems;

    /// <summary>Builds a normaliser.</summary>
    /// <param name="lexicon">Text speak and spelling rules.</param>
    /// <param name="knowledgeWords">Words of the knowledge base (typo targets, in scope).</param>
    /// <param name="otherWords">Other correctly spelt words (the generic questions'), never corrected.</param>
    public QueryNormalizer(Lexicon lexicon, IEnumerable<string> knowledgeWords, IEnumerable<string> otherWords)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
        var kbWords = knowledgeWords.Concat(lexicon.OutputWords).Distinct(StringComparer.Ordinal).ToList();
        _typos = new TypoCorrector(kbWords, otherWords.Concat(lexicon.InputWords));
        _knowledgeStems = new HashSet<string>(
            kbWords.Where(w => !StopWords.Contains(w)).Select(Stemmer.Stem), StringComparer.Ordinal);
    }

    /// <summary>Content stems of a question, in order.</summary>
    public IReadOnlyList<string> Stems(string? text)
    {
        var stems = new List<string>();
        AddContentWords(_lexicon.Apply(Tokenizer.Split(text)), stems);
        return stems;
    }

    /// <summary>Content stems of knowledge-base text: like <see cref="Stems"/> but without the lexicon's expansions.</summary>
    public List<string> DocumentStems(string? text)
    {
        var stems = new List<string>();
        AddContentWords(_lexicon.Apply(Tokenizer.Split(text), expand: false), stems);
        return stems;
    }

    /// <summary>True when the stem occurs in the knowledge base.</summary>
    public bool IsKnowledgeStem(string stem) => _knowledgeStems.Contains(stem);

    private void AddContentWords(List<string> tokens, List<string> stems)
    {
        foreach (var token in tokens)
        {
            // Stopwords and words whose stem the articles use are never "typos": "actually" is not "actual", and
            // "unclogging" is "unclog", not "clogging".
            if (StopWords.Contains(token))
            {
                continue;
            }

            var stem = Stemmer.Stem(token);
            var word = token;
            if (!_knowledgeStems.Contains(stem))
            {
                word = _typos.Correct(token);
                stem = ReferenceEquals(word, token) ? stem : Stemmer.Stem(word);
            }

            if (!StopWords.Contains(word))
            {
                stems.Add(stem);
            }
        }
    }
}
