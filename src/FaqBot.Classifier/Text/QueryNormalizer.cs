namespace FaqBot.Classifier.Text;

/// <summary>
/// Turns any text (a question, a sentence of an article, a generated example) into the content-word stems the
/// classifier and the passage ranker see: tokenise, rewrite slang and synonyms, fix typos against the vocabulary,
/// drop stopwords and question wording, stem. Words outside the knowledge base's vocabulary also emit
/// <see cref="UnknownToken"/>, which the out-of-scope class learns from. Thread-safe once built.
/// </summary>
public sealed class QueryNormalizer
{
    /// <summary>The token standing for "a content word the articles never use".</summary>
    public const string UnknownToken = "zzunk";

    private readonly Lexicon _lexicon;
    private readonly TypoCorrector _typos;
    private readonly HashSet<string> _knowledgeStems;

    /// <summary>Builds a normaliser.</summary>
    /// <param name="lexicon">Slang and synonym rules.</param>
    /// <param name="knowledgeWords">Words of the knowledge base (typo targets, in scope).</param>
    /// <param name="otherWords">Other correctly spelt words (out-of-scope examples), never corrected and not in scope.</param>
    public QueryNormalizer(Lexicon lexicon, IEnumerable<string> knowledgeWords, IEnumerable<string> otherWords)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
        var kbWords = knowledgeWords.Concat(lexicon.OutputWords).Distinct(StringComparer.Ordinal).ToList();
        _typos = new TypoCorrector(kbWords, otherWords.Concat(lexicon.InputWords));
        _knowledgeStems = new HashSet<string>(
            kbWords.Where(w => !StopWords.Contains(w)).Select(Stemmer.Stem), StringComparer.Ordinal);
    }

    /// <summary>Content stems of <paramref name="text"/>, in order, without the unknown marker.</summary>
    public IReadOnlyList<string> Stems(string? text) => Analyze(text).Stems;

    /// <summary>Content stems of knowledge-base text: like <see cref="Stems"/> but without the lexicon's expansions.</summary>
    public List<string> DocumentStems(string? text)
    {
        var stems = new List<string>();
        AddContentWords(_lexicon.Apply(Tokenizer.Split(text), expand: false), words: null, stems);
        return stems;
    }

    /// <summary>
    /// Everything the answerer reads from a question in one pass (the typo search is the costly step, so it runs once):
    /// its words as typed, its content words (<see cref="ContentWords(string?)"/>) and their stems (<see cref="Stems"/>).
    /// </summary>
    public QueryAnalysis Analyze(string? text)
    {
        var tokens = Tokenizer.Split(text);
        var words = new List<string>();
        var stems = new List<string>();
        AddContentWords(_lexicon.Apply(tokens), words, stems);
        return new QueryAnalysis(tokens, words, stems);
    }

    /// <summary>The classifier's input: content stems plus one <see cref="UnknownToken"/> per word outside the knowledge base.</summary>
    public string Featurize(string? text) => Featurize(Stems(text));

    /// <summary>The classifier's input for already normalised stems.</summary>
    public string Featurize(IReadOnlyList<string> stems)
    {
        var parts = new List<string>(stems.Count + 2);
        foreach (var stem in stems)
        {
            parts.Add(stem);
            if (!_knowledgeStems.Contains(stem))
            {
                parts.Add(UnknownToken);
            }
        }

        return string.Join(' ', parts);
    }

    /// <summary>True when the stem occurs in the knowledge base.</summary>
    public bool IsKnowledgeStem(string stem) => _knowledgeStems.Contains(stem);

    /// <summary>Content words of <paramref name="text"/> after slang, synonyms and typos are fixed, before stemming.</summary>
    public IEnumerable<string> ContentWords(string? text) => Analyze(text).ContentWords;

    private void AddContentWords(List<string> tokens, List<string>? words, List<string> stems)
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
                words?.Add(word);
                stems.Add(stem);
            }
        }
    }
}
