using FaqBot.Knowledge.Model;

namespace FaqBot.Knowledge.Extraction;

/// <summary>
/// Questions that several entries would share ("What are prerequisites?" in forty quickstarts) say where they belong:
/// "What are prerequisites? (Deploy your bot)", from the nearest heading above the entry. Without it the answer engine
/// could not tell the entries apart, and users would not know which one they got.
/// </summary>
internal static class SharedQuestions
{
    public static List<FaqEntry> Qualify(IReadOnlyList<FaqEntry> entries)
    {
        var owners = entries
            .SelectMany(e => e.Questions.Select(q => (Key: Key(q), e.Id)))
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        return [.. entries.Select(e => e.Questions.Any(q => owners[Key(q)] > 1) ? e with { Questions = Qualified(e, owners) } : e)];
    }

    private static List<string> Qualified(FaqEntry entry, Dictionary<string, int> owners)
    {
        var questions = entry.Questions.Select(q => owners[Key(q)] > 1 && Context(entry, q) is { } context ? $"{q} ({context})" : q);
        return [.. questions.Distinct(StringComparer.Ordinal)];
    }

    // The entry's own heading when the question lost it ("bf qnamaker:kb:create" asked as "What is bf qnamaker?"), else the
    // heading it sits under, else the article's title: what tells "Prerequisites" from "Prerequisites".
    private static string? Context(FaqEntry entry, string question)
    {
        var path = entry.HeadingPath;
        var candidates = entry.Kind == EntryKind.Faq ? [path[0]] : path.Reverse().Distinct(StringComparer.OrdinalIgnoreCase);
        var asked = Words(question);
        return candidates.FirstOrDefault(c => Words(c).Except(Pronouns).Any(w => !asked.Any(a => SameStem(a, w))));
    }

    private static readonly string[] Pronouns = ["your", "my", "you", "i", "a", "an", "the", "to"];

    // "get" asks about "getting", "order" about "ordering".
    private static bool SameStem(string asked, string word) =>
        asked == word || (Math.Min(asked.Length, word.Length) >= 3 && (asked.StartsWith(word, StringComparison.Ordinal) || word.StartsWith(asked, StringComparison.Ordinal)));

    private static HashSet<string> Words(string text) =>
        [.. text.ToLowerInvariant().Split((char[])[' ', '?', '.', ',', ':', '(', ')', '-', '!'], StringSplitOptions.RemoveEmptyEntries)];

    private static string Key(string question) => string.Join(' ', question.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
