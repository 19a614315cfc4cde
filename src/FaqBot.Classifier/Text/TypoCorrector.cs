using System.Numerics;

namespace FaqBot.Classifier.Text;

/// <summary>
/// Maps a word that is not in the vocabulary to the closest vocabulary word within a small edit distance
/// (1 from 5 letters, 2 from 7 letters), so "offen" reads as "often" and "blakheads" as "blackheads".
/// </summary>
public sealed class TypoCorrector
{
    private readonly HashSet<string> _known;

    // Per length, the target words in preference order with what the search compares, so scanning a length's
    // candidates (the hot loop of every question with an unknown word) reads one array and looks nothing up.
    private readonly Dictionary<int, Target[]> _targetsByLength;

    // Only this many of the most frequent target words are candidates for a short word's dropped letter.
    private const int CommonWords = 200;

    /// <summary>Creates a corrector.</summary>
    /// <param name="targets">Words a typo may be corrected to, most preferred first.</param>
    /// <param name="otherKnownWords">Further words that are spelt right and are never corrected.</param>
    public TypoCorrector(IEnumerable<string> targets, IEnumerable<string> otherKnownWords)
    {
        _known = new HashSet<string>(otherKnownWords, StringComparer.Ordinal);
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in targets)
        {
            if (rank.TryAdd(word, rank.Count))
            {
                _known.Add(word);
            }
        }

        _targetsByLength = rank
            .Select(pair => new Target(pair.Key, LetterMask(pair.Key), pair.Value))
            .GroupBy(target => target.Word.Length)
            .ToDictionary(group => group.Key, group => group.OrderBy(target => target.Rank).ToArray());
    }

    /// <summary>True when the word needs no correction.</summary>
    public bool IsKnown(string word) => _known.Contains(word);

    /// <summary>The word itself when known or uncorrectable, else the closest target word.</summary>
    public string Correct(string word)
    {
        if (_known.Contains(word) || word.AsSpan().ContainsAnyExceptInRange('a', 'z'))
        {
            return word;
        }

        // Short words are only read as a common word with one letter dropped ("skn" → skin, "fce" → face): "rice"
        // and "cook" are other words, not typos of "rinse" and "look".
        if (word.Length < 5)
        {
            return word.Length >= 3 ? DroppedLetterOf(word) ?? word : word;
        }

        var maxDistance = word.Length >= 7 ? 2 : 1;
        var letters = LetterMask(word);
        Target? best = null;
        var bestDistance = int.MaxValue;
        for (var length = word.Length - maxDistance; length <= word.Length + maxDistance; length++)
        {
            if (!_targetsByLength.TryGetValue(length, out var candidates))
            {
                continue;
            }

            foreach (var candidate in candidates)
            {
                // One edit changes at most two letters' presence: skip candidates whose letter sets differ more.
                if (BitOperations.PopCount(letters ^ candidate.Mask) > 2 * maxDistance)
                {
                    continue;
                }

                var distance = Distance(word, candidate.Word, Math.Min(maxDistance, bestDistance));
                if (distance < bestDistance || (distance == bestDistance && best is { } current && candidate.Rank < current.Rank))
                {
                    if (distance <= maxDistance)
                    {
                        best = candidate;
                        bestDistance = distance;
                    }
                }
            }
        }

        return best?.Word ?? word;
    }

    // The most frequent of the commonest target words that is this word with one letter added.
    private string? DroppedLetterOf(string word)
    {
        if (!_targetsByLength.TryGetValue(word.Length + 1, out var candidates))
        {
            return null;
        }

        foreach (var candidate in candidates)
        {
            if (candidate.Rank >= CommonWords)
            {
                break;
            }

            if (IsOneInsertion(word, candidate.Word))
            {
                return candidate.Word;
            }
        }

        return null;
    }

    // Which of a–z (and "anything else", bit 26) the word contains.
    private static uint LetterMask(string word)
    {
        var mask = 0u;
        foreach (var c in word)
        {
            mask |= c is >= 'a' and <= 'z' ? 1u << (c - 'a') : 1u << 26;
        }

        return mask;
    }

    private static bool IsOneInsertion(string shorter, string longer)
    {
        var i = 0;
        while (i < shorter.Length && shorter[i] == longer[i])
        {
            i++;
        }

        return shorter.AsSpan(i).SequenceEqual(longer.AsSpan(i + 1));
    }

    /// <summary>Optimal string alignment distance (a swap of neighbours counts 1), or limit + 1 when above limit.</summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            var swap = previous2;
            previous2 = previous;
            previous = current;
            current = swap;
        }

        return previous[b.Length];
    }

    // A word a typo may be corrected to: its letters (see LetterMask) and its preference (0 is the most preferred).
    private readonly record struct Target(string Word, uint Mask, int Rank);
}
