using System.Text.RegularExpressions;

namespace FaqBot.Classifier.Training;

/// <summary>Splits a passage's plain text into sentences (list passages: one item a sentence).</summary>
public static partial class SentenceSplitter
{
    /// <summary>The sentences of <paramref name="text"/>, trimmed, non-empty.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        return Boundary().Split(text)
            .Select(s => s.Trim().TrimStart('*', '-', ' ').Trim())
            .Where(s => s.Length > 0)
            .ToList();
    }

    [GeneratedRegex(@"(?<=[.!?:])\s+(?=[A-Z0-9""(\[])|\n+")]
    private static partial Regex Boundary();
}
