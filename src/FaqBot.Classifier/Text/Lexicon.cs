namespace FaqBot.Classifier.Text;

/// <summary>
/// Rewrites the words people use into the words articles use ("face wash" → "cleanser", "u" → "you"),
/// longest phrase first, in one pass.
/// </summary>
public sealed class Lexicon
{
    private readonly Dictionary<string, string[]> _rules;
    private readonly HashSet<string> _expansions = new(StringComparer.Ordinal);

    /// <summary>Creates a lexicon from phrase → replacement rules (lowercase, space-separated words).</summary>
    public Lexicon(IEnumerable<KeyValuePair<string, string>> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (phrase, replacement) in rules)
        {
            var key = string.Join(' ', Tokenizer.Split(phrase));
            if (key.Length > 0)
            {
                _rules[key] = Tokenizer.Split(replacement).ToArray();
                if (key.Split(' ').All(_rules[key].Contains))
                {
                    // "causes -> cause factors contribute" adds the article's words to a question; applied to the
                    // article itself it would make every "root cause" look like a list of factors.
                    _expansions.Add(key);
                }

                MaxPhraseWords = Math.Max(MaxPhraseWords, key.Count(c => c == ' ') + 1);
            }
        }
    }

    /// <summary>An empty lexicon.</summary>
    public static Lexicon Empty { get; } = new([]);

    /// <summary>The longest phrase, in words.</summary>
    public int MaxPhraseWords { get; }

    /// <summary>Every word any rule produces (they count as known vocabulary).</summary>
    public IEnumerable<string> OutputWords => _rules.Values.SelectMany(v => v);

    /// <summary>Every word any rule matches.</summary>
    public IEnumerable<string> InputWords => _rules.Keys.SelectMany(k => k.Split(' '));

    /// <summary>Parses the TSV format of <c>data/classifier/lexicon.tsv</c>: phrase TAB replacement, '#' comments.</summary>
    /// <exception cref="FormatException">A line has no TAB; the message names the line.</exception>
    public static Lexicon Parse(string text, string source)
    {
        var rules = new List<KeyValuePair<string, string>>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                throw new FormatException($"{source}:{lineNumber}: expected 'phrase<TAB>replacement', got '{line}'.");
            }

            rules.Add(new(line[..tab].Trim().ToLowerInvariant(), line[(tab + 1)..].Trim().ToLowerInvariant()));
        }

        return new Lexicon(rules);
    }

    /// <summary>Applies the rules to a token list.</summary>
    public List<string> Apply(IReadOnlyList<string> tokens) => Apply(tokens, expand: true);

    /// <summary>Applies the rules; without <paramref name="expand"/>, rules that keep their phrase and add words are skipped.</summary>
    public List<string> Apply(IReadOnlyList<string> tokens, bool expand)
    {
        var result = new List<string>(tokens.Count + 4);
        var i = 0;
        while (i < tokens.Count)
        {
            var matched = false;
            for (var n = Math.Min(MaxPhraseWords, tokens.Count - i); n >= 1 && !matched; n--)
            {
                var key = n == 1 ? tokens[i] : string.Join(' ', tokens.Skip(i).Take(n));
                if (_rules.TryGetValue(key, out var replacement) && (expand || !_expansions.Contains(key)))
                {
                    result.AddRange(replacement);
                    i += n;
                    matched = true;
                }
            }

            if (!matched)
            {
                result.Add(tokens[i]);
                i++;
            }
        }

        return result;
    }
}
