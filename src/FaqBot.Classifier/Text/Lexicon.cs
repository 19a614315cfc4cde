using System.Diagnostics.CodeAnalysis;

namespace FaqBot.Classifier.Text;

/// <summary>
/// Rewrites the words people use into the words articles use ("face wash" → "cleanser", "u" → "you"),
/// longest phrase first, in one pass.
/// </summary>
public sealed class Lexicon
{
    private readonly Dictionary<string, Rule> _rules;
    private readonly Dictionary<string, Rule>.AlternateLookup<ReadOnlySpan<char>> _phrases;
    private readonly int _longestPhrase;

    /// <summary>Creates a lexicon from phrase → replacement rules (lowercase, space-separated words).</summary>
    public Lexicon(IEnumerable<KeyValuePair<string, string>> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = new Dictionary<string, Rule>(StringComparer.Ordinal);
        foreach (var (phrase, replacement) in rules)
        {
            var key = string.Join(' ', Tokenizer.Split(phrase));
            if (key.Length > 0)
            {
                var words = Tokenizer.Split(replacement).ToArray();

                // "causes -> cause factors contribute" adds the article's words to a question; applied to the
                // article itself it would make every "root cause" look like a list of factors.
                _rules[key] = new Rule(words, Expands: key.Split(' ').All(words.Contains));
                MaxPhraseWords = Math.Max(MaxPhraseWords, key.Count(c => c == ' ') + 1);
                _longestPhrase = Math.Max(_longestPhrase, key.Length);
            }
        }

        _phrases = _rules.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>An empty lexicon.</summary>
    public static Lexicon Empty { get; } = new([]);

    /// <summary>The longest phrase, in words.</summary>
    public int MaxPhraseWords { get; }

    /// <summary>Every word any rule produces (they count as known vocabulary).</summary>
    public IEnumerable<string> OutputWords => _rules.Values.SelectMany(v => v.Replacement);

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
                if (TryMatch(tokens, i, n, out var rule) && (expand || !rule.Expands))
                {
                    result.AddRange(rule.Replacement);
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

    // The rule for the n words from start, if any. Every question tries every phrase length at every word, so the
    // phrase is looked up as a span on the stack rather than joined into a string.
    private bool TryMatch(IReadOnlyList<string> tokens, int start, int count, [MaybeNullWhen(false)] out Rule rule)
    {
        if (count == 1)
        {
            return _rules.TryGetValue(tokens[start], out rule);
        }

        var length = count - 1;
        for (var k = 0; k < count; k++)
        {
            length += tokens[start + k].Length;
        }

        if (length > _longestPhrase)
        {
            rule = null;
            return false;
        }

        Span<char> phrase = stackalloc char[length];
        var at = 0;
        for (var k = 0; k < count; k++)
        {
            if (k > 0)
            {
                phrase[at++] = ' ';
            }

            tokens[start + k].CopyTo(phrase[at..]);
            at += tokens[start + k].Length;
        }

        return _phrases.TryGetValue(phrase, out rule);
    }

    private sealed record Rule(string[] Replacement, bool Expands);
}
