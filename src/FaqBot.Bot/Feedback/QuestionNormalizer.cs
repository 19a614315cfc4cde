using System.Globalization;
using System.Text;

namespace FaqBot.Bot.Feedback;

/// <summary>Reduces a question to a grouping key: lower case, letters and digits only, single spaces.</summary>
public static class QuestionNormalizer
{
    /// <summary>"Can I exfoliate  every day?!" becomes "can i exfoliate every day".</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            // Apostrophes join ("don't" stays one word) so "dont" and "don't" group together.
            if (c is '\'' or '\u2019')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }
}
