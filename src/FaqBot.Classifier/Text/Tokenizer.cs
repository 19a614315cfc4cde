using System.Text;

namespace FaqBot.Classifier.Text;

/// <summary>Splits text into lowercase words: letters and digits, apostrophes dropped ("what's" → "whats").</summary>
public static class Tokenizer
{
    /// <summary>The longest question text that is looked at; the rest of a huge message is ignored.</summary>
    public const int MaxChars = 1000;

    /// <summary>Lowercase word tokens of <paramref name="text"/>.</summary>
    public static List<string> Split(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        var span = text.AsSpan(0, Math.Min(text.Length, MaxChars));
        var current = new StringBuilder();
        foreach (var c in span)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '\u2019')
            {
                continue;
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }
}
