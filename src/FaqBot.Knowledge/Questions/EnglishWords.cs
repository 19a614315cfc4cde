using System.Collections.Frozen;

namespace FaqBot.Knowledge.Questions;

/// <summary>The little English morphology heading-to-question rules need: casing, plurals, gerunds, person.</summary>
internal static class EnglishWords
{
    private static readonly FrozenDictionary<string, string> IrregularGerunds = new Dictionary<string, string>
    {
        ["adding"] = "add",
        ["arranging"] = "arrange",
        ["challenging"] = "challenge",
        ["changing"] = "change",
        ["controlling"] = "control",
        ["developing"] = "develop",
        ["dying"] = "die",
        ["editing"] = "edit",
        ["focusing"] = "focus",
        ["having"] = "have",
        ["limiting"] = "limit",
        ["lying"] = "lie",
        ["opening"] = "open",
        ["requiring"] = "require",
        ["tying"] = "tie",
        ["soothing"] = "soothe",
        ["breathing"] = "breathe",
        ["bathing"] = "bathe",
        ["styling"] = "style",
        ["visiting"] = "visit",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Words ending in "ing" that are nouns, not verbs.
    private static readonly FrozenSet<string> IngNouns = new[]
    {
        "anything", "bedding", "ceiling", "clothing", "evening", "everything", "king", "lightning", "morning", "nothing",
        "ring", "something", "spring", "string", "thing", "things", "wedding", "wing",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> FirstPerson = new Dictionary<string, string>
    {
        ["your"] = "my",
        ["yours"] = "mine",
        ["yourself"] = "myself",
        ["you"] = "I",
        ["you're"] = "I'm",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>True for a word that reads as a gerund ("Preparing", "Choosing").</summary>
    public static bool IsGerund(string word) =>
        word.Length > 4 && word.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && !IngNouns.Contains(word) && word.All(char.IsLetter);

    /// <summary>The base form of a gerund: "preparing" → "prepare", "getting" → "get", "cleansing" → "cleanse".</summary>
    public static string BaseOfGerund(string gerund)
    {
        var lower = gerund.ToLowerInvariant();
        if (IrregularGerunds.TryGetValue(lower, out var irregular))
        {
            return irregular;
        }

        var stem = lower[..^3];
        if (stem.Length >= 3 && stem[^1] == stem[^2] && "bdgmnprt".Contains(stem[^1], StringComparison.Ordinal))
        {
            return stem[..^1];
        }

        if (stem.EndsWith('v') || stem.EndsWith('c') || stem.EndsWith('z') || stem.EndsWith("uir", StringComparison.Ordinal))
        {
            return stem + "e";
        }

        if (stem.EndsWith('s') && !stem.EndsWith("ss", StringComparison.Ordinal))
        {
            return stem + "e";
        }

        if (stem.Length >= 5 && stem.EndsWith("at", StringComparison.Ordinal) && !"aeo".Contains(stem[^3], StringComparison.Ordinal))
        {
            return stem + "e";
        }

        if (stem.Length >= 3 && !IsVowel(stem[^3]) && stem[^2] == 'a' && stem[^1] == 'g')
        {
            return stem + "e";
        }

        // consonant + single vowel + consonant that usually carries a silent e: prepar(e), mak(e), combin(e), provid(e)
        if (stem.Length >= 2 && "krmnld".Contains(stem[^1], StringComparison.Ordinal) && "aiou".Contains(stem[^2], StringComparison.Ordinal)
            && (stem.Length == 2 || !IsVowel(stem[^3])))
        {
            return stem + "e";
        }

        return stem;
    }

    /// <summary>The word as it reads inside a sentence: "Pores" → "pores", but "BHA", "UV" and "I" are kept.</summary>
    public static string InSentence(string word)
    {
        if (word.Contains('-', StringComparison.Ordinal))
        {
            return string.Join('-', word.Split('-').Select(InSentence));
        }

        if (word == "I" || word.Length == 0)
        {
            return word;
        }

        var letters = word.Where(char.IsLetter).ToArray();
        var acronym = letters.Length > 1 && letters.All(char.IsUpper);
        var innerCaps = word.Skip(1).Any(char.IsUpper);
        return acronym || innerCaps ? word : word.ToLowerInvariant();
    }

    /// <summary>Rewrites second person as first person, the way a user asks: "your skin" → "my skin".</summary>
    public static string ToFirstPerson(string word) => FirstPerson.TryGetValue(word, out var mine) ? mine : word;

    /// <summary>True when a noun phrase reads as plural ("lifestyle factors", "masks and extraction").</summary>
    public static bool IsPlural(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            return false;
        }

        if (words.Any(w => w.Equals("and", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var last = words[^1].ToLowerInvariant();
        return last.Length > 2 && last.EndsWith('s') && !last.EndsWith("ss", StringComparison.Ordinal)
            && !last.EndsWith("us", StringComparison.Ordinal) && !last.EndsWith("is", StringComparison.Ordinal);
    }

    /// <summary>Drops a third-person "s" from a verb: "gets" → "get", "washes" → "wash".</summary>
    public static string ToPlainVerb(string verb)
    {
        var lower = verb.ToLowerInvariant();
        if (lower is "is" or "was" or "has" or "does")
        {
            return lower switch { "is" => "be", "was" => "be", "has" => "have", _ => "do" };
        }

        if (lower.EndsWith("ies", StringComparison.Ordinal) && lower.Length > 4)
        {
            return lower[..^3] + "y";
        }

        if (lower.EndsWith("shes", StringComparison.Ordinal) || lower.EndsWith("ches", StringComparison.Ordinal)
            || lower.EndsWith("xes", StringComparison.Ordinal) || lower.EndsWith("sses", StringComparison.Ordinal))
        {
            return lower[..^2];
        }

        return lower.EndsWith('s') && !lower.EndsWith("ss", StringComparison.Ordinal) ? lower[..^1] : lower;
    }

    private static bool IsVowel(char c) => "aeiou".Contains(c, StringComparison.Ordinal);
}
