namespace FaqBot.Classifier.Text;

/// <summary>
/// A light English suffix stripper: enough to make "cleansing", "cleanse" and "cleanses" one feature,
/// cheap enough to run on every question.
/// </summary>
public static class Stemmer
{
    /// <summary>Returns the stem of a lowercase word.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !char.IsLetter(word[^1]))
        {
            return word;
        }

        var w = word;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)
            && !w.EndsWith("is", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        if (w.EndsWith("ier", StringComparison.Ordinal) && w.Length > 4)
        {
            // Comparatives of -y adjectives: "drier" -> "dry", "oilier" -> "oily".
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("ation", StringComparison.Ordinal) && w.Length > 7)
        {
            w = w[..^5] + "at";
        }
        else if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5)
        {
            w = UndoubleConsonant(w[..^3]);
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4)
        {
            w = UndoubleConsonant(w[..^2]);
        }
        else if (w.EndsWith("ly", StringComparison.Ordinal) && w.Length > 5)
        {
            w = w[..^2];
        }

        if (w.EndsWith('e') && w.Length > 4)
        {
            w = w[..^1];
        }

        return w;
    }

    // "clogged" -> "clogg" -> "clog", but "dressed" keeps its "ss".
    private static string UndoubleConsonant(string w)
    {
        if (w.Length > 3 && w[^1] == w[^2] && w[^1] is not ('l' or 's' or 'z') && !IsVowel(w[^1]))
        {
            return w[..^1];
        }

        return w;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
