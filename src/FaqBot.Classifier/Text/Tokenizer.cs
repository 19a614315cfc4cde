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

        // Every question goes through here: build each word in a stack buffer and allocate only the word itself.
        var span = text.AsSpan(0, Math.Min(text.Length, MaxChars));
        Span<char> word = stackalloc char[span.Length];
        var length = 0;
        foreach (var c in span)
        {
            if (char.IsLetterOrDigit(c))
            {
                word[length++] = char.ToLowerInvariant(c);
            }
            else if (c is '\'' or '\u2019')
            {
                continue;
            }
            else if (length > 0)
            {
                tokens.Add(new string(word[..length]));
                length = 0;
            }
        }

        if (length > 0)
        {
            tokens.Add(new string(word[..length]));
        }

        return tokens;
    }
}
