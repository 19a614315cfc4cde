using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace FaqBot.Knowledge.Questions;

/// <summary>
/// Turns a section heading (or an article title) into the questions a reader would ask, best first:
/// "When to Seek Professional Help" → "When should I seek professional help?". A small set of general rules
/// (how-to, wh-clauses, gerunds, "Essential X", "X for Y", "X: Y" subtitles, plain noun phrases); the heading
/// itself is kept as the last phrasing.
/// </summary>
public static partial class HeadingQuestions
{
    private static readonly FrozenSet<string> WhWords = new[] { "how", "when", "where", "why", "what", "which", "who" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Auxiliaries = new[]
    {
        "is", "are", "was", "were", "can", "could", "should", "would", "will", "do", "does", "did", "has", "have", "must", "may", "might",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Gerunds that introduce a topic rather than an action: "Understanding Your Pores" is "what should I know about my pores".
    private static readonly FrozenSet<string> TopicGerunds = new[]
    {
        "understanding", "exploring", "knowing", "learning", "demystifying", "decoding", "explaining", "introducing", "discovering",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Conjunctions = new[] { "and", "or", "&" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> RankingAdjectives = new[]
    {
        "essential", "key", "important", "best", "top", "common", "basic", "effective", "recommended", "main", "crucial", "simple",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Nouns for things a reader uses, so "Essential Cleansing Techniques and Products" also reads "what ... should I use?".
    private static readonly FrozenSet<string> UsableNouns = new[]
    {
        "products", "techniques", "tools", "methods", "ingredients", "treatments", "steps", "options", "remedies", "routines",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The questions for <paramref name="heading"/> (plain text), best first, without duplicates. Never empty.</summary>
    public static IReadOnlyList<string> For(string heading)
    {
        var text = Whitespace().Replace(heading, " ").Trim().TrimEnd(':', '.', ';', ' ').Trim();
        if (text.Length == 0)
        {
            return [heading.Trim()];
        }

        if (text.EndsWith('?'))
        {
            return [text];
        }

        var questions = new List<string>();
        var split = Subtitle().Match(text);
        if (split.Success)
        {
            var main = Words(split.Groups["main"].Value);
            var sub = Words(split.Groups["sub"].Value);
            var subClause = Clause(sub, context: main);
            var mainClause = Clause(main, context: null);
            if (subClause.Strong)
            {
                questions.AddRange(subClause.Questions);
                questions.Add(Capitalise(Phrase(main)));
                questions.AddRange(mainClause.Questions);
            }
            else if (mainClause.Strong)
            {
                questions.AddRange(mainClause.Questions);
                questions.AddRange(subClause.Questions);
            }
            else
            {
                // Two noun phrases, "Targeted Treatments: Masks and Extraction": the subtitle lists examples of the main topic.
                var verb = EnglishWords.IsPlural(main) ? "help" : "helps";
                questions.Add($"What {Phrase(main)} ({Phrase(sub)}) {verb}?");
                questions.Add($"{(EnglishWords.IsPlural(sub) ? "How do" : "How does")} {Phrase(sub)} help?");
                questions.AddRange(mainClause.Questions);
            }

            questions.Add(Capitalise($"{Phrase(main)}: {Phrase(sub)}"));
        }
        else
        {
            var words = Words(text);
            questions.AddRange(Clause(words, context: null).Questions);
            questions.Add(Capitalise(Phrase(words)));
        }

        return questions.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    private static (List<string> Questions, bool Strong) Clause(string[] words, string[]? context)
    {
        if (words.Length == 0)
        {
            return ([], false);
        }

        var first = words[0].ToLowerInvariant();

        // "How to X" / "When to X"
        if (WhWords.Contains(first) && words.Length > 2 && words[1].Equals("to", StringComparison.OrdinalIgnoreCase))
        {
            var rest = FirstPerson(words[2..]);
            return first == "how"
                ? ([$"How do I {rest}?", $"How can I {rest}?"], true)
                : ([$"{Capitalise(first)} should I {rest}?", $"{Capitalise(first)} do I {rest}?"], true);
        }

        // "Why They Get Clogged", "How Pores Work", "What Causes Acne"
        if (WhWords.Contains(first) && words.Length > 1)
        {
            return (WhClause(first, words, context), true);
        }

        if (EnglishWords.IsGerund(words[0].TrimEnd(',')))
        {
            if (TopicGerunds.Contains(first))
            {
                var rest = FirstPerson(words[1..]);
                return (rest.Length > 0 ? [$"What should I know about {rest}?"] : [], true);
            }

            if (CoordinatedVerbs(words) is not { } verbs)
            {
                // A gerund coordinated with a noun, "Cleaning and Maintenance": a topic, not an action.
                return ([$"What should I know about {FirstPerson(words)}?"], true);
            }

            var tail = FirstPerson(words[verbs.Next..]);
            var action = tail.Length > 0 ? $"{verbs.Text} {tail}" : verbs.Text;
            return ([$"How do I {action}?", $"How can I {action}?"], true);
        }

        if (RankingAdjectives.Contains(first) && words.Length > 1)
        {
            var rest = words[1..];
            var questions = new List<string>
            {
                $"What {(EnglishWords.IsPlural(rest) ? "are" : "is")} the {Phrase(words)}?",
            };
            if (rest.Any(UsableNouns.Contains))
            {
                questions.Add($"What {Phrase(rest)} should I use?");
            }

            return (questions, true);
        }

        var forAt = Array.FindIndex(words, 1, w => w.Equals("for", StringComparison.OrdinalIgnoreCase));
        if (forAt > 0 && forAt < words.Length - 1)
        {
            var subject = words[..forAt];
            var goal = words[(forAt + 1)..];
            return EnglishWords.IsPlural(subject)
                ? ([$"What {Phrase(subject)} help {FirstPerson(goal)}?", $"What are the {Phrase(subject)} for {FirstPerson(goal)}?"], true)
                : ([$"How does {Phrase(subject)} help {FirstPerson(goal)}?", $"Why is {Phrase(subject)} important for {FirstPerson(goal)}?"], true);
        }

        var phrase = FirstPerson(words);
        var isAre = EnglishWords.IsPlural(words) ? "are" : "is";
        return words.Any(w => w.Equals("and", StringComparison.OrdinalIgnoreCase))
            ? ([$"What should I know about {phrase}?", $"What {isAre} {phrase}?"], false)
            : ([$"What {isAre} {phrase}?", $"What should I know about {phrase}?"], false);
    }

    private static List<string> WhClause(string wh, string[] words, string[]? context)
    {
        var second = words[1].ToLowerInvariant();
        var rest = words[2..];
        var question = Capitalise(wh);
        if (second is "they" or "it" or "you" or "we" or "i" && rest.Length > 0)
        {
            var verb = EnglishWords.ToPlainVerb(rest[0]);
            var tail = rest.Length > 1 ? " " + FirstPerson(rest[1..]) : string.Empty;
            string[] subjects = second switch
            {
                "you" => ["I"],
                "we" or "i" => ["I"],
                _ when context is not null && TopicOf(context) is { Length: > 0 } topic =>
                    new[] { Phrase(topic.Where(w => !IsPossessive(w)).ToArray()), FirstPerson(topic) }.Distinct().ToArray(),
                _ => [second],
            };
            var plural = second != "it" && (second != "they" || context is null || EnglishWords.IsPlural(TopicOf(context)));
            var aux = subjects[0] == "I" || plural ? "do" : "does";
            return [.. subjects.Select(s => $"{question} {aux} {s} {verb}{tail}?")];
        }

        if (Auxiliaries.Contains(second))
        {
            return [$"{question} {Phrase(words[1..])}?"];
        }

        // "How Pores Work" → "How do pores work?"; not for "what"/"which"/"who", where the next word is usually the verb.
        if (wh is "how" or "why" or "when" or "where" && rest.Length > 0 && EnglishWords.IsPlural([words[1]]))
        {
            return [$"{question} do {FirstPerson(words[1..])}?"];
        }

        return [$"{question} {FirstPerson(words[1..])}?"];
    }

    // The leading gerunds as base verbs, with every gerund coordinated with the first one ("Cleaning, Oiling and
    // Adjusting the Chain" → "clean, oil and adjust", so the question never reads "clean and lubricating"), and where the
    // rest starts; null when a gerund is coordinated with something that is not one.
    private static (string Text, int Next)? CoordinatedVerbs(string[] words)
    {
        var verbs = new List<string>();
        var i = 0;
        while (true)
        {
            var word = words[i];
            var comma = word.EndsWith(',');
            verbs.Add(EnglishWords.BaseOfGerund(word.TrimEnd(',')) + (comma ? "," : string.Empty));
            i++;
            if (comma)
            {
                if (i < words.Length && EnglishWords.IsGerund(words[i].TrimEnd(',')))
                {
                    continue;
                }

                if (!(i + 1 < words.Length && Conjunctions.Contains(words[i])))
                {
                    return null;
                }
            }

            if (i + 1 < words.Length && Conjunctions.Contains(words[i]))
            {
                if (!EnglishWords.IsGerund(words[i + 1].TrimEnd(',')))
                {
                    return null;
                }

                verbs.Add(words[i].ToLowerInvariant());
                i++;
                continue;
            }

            return (string.Join(' ', verbs), i);
        }
    }

    // The noun phrase a subtitle's "they"/"it" refers to: "Understanding Your Pores" → "Your Pores".
    private static string[] TopicOf(string[] words) =>
        words.Length > 1 && EnglishWords.IsGerund(words[0]) ? words[1..] : words;

    private static bool IsPossessive(string word) =>
        word.ToLowerInvariant() is "your" or "my" or "our" or "their" or "the" or "a" or "an";

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Phrase(IEnumerable<string> words) => string.Join(' ', words.Select(EnglishWords.InSentence));

    private static string FirstPerson(IEnumerable<string> words) =>
        string.Join(' ', words.Select(w => EnglishWords.ToFirstPerson(EnglishWords.InSentence(w))));

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // "Main: Sub" or "Main – Sub"/"Main — Sub" (spaced dashes only, so "Post-Cleansing" is not split).
    [GeneratedRegex(@"^(?<main>[^:]+?)\s*(?::|\s[–—-]\s)\s*(?<sub>.+)$")]
    private static partial Regex Subtitle();
}
