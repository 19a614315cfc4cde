using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using FaqBot.Classifier.Text;
using FaqBot.Knowledge.Model;

namespace FaqBot.Bot.Dialog;

/// <summary>
/// The section of its article that a one-paragraph answer (most FAQ answers) belongs with, so "Tell me more" has
/// something to add: the article's content section sharing the most distinctive words with the entry's question and
/// answer. A word is worth less the more sections use it, and a section that shares only words every section uses (the
/// article's topic) is not offered.
/// </summary>
internal static partial class RelatedSection
{
    // Asked for every answer shown (it decides the "Tell me more" button) and it reads the whole article: remembered per
    // knowledge base, which is immutable and replaced whole on reload (the table then lets the old one go).
    private static readonly ConditionalWeakTable<KnowledgeBase, ConcurrentDictionary<string, FaqEntry?>> Known = [];

    /// <summary>The related section of <paramref name="entry"/>'s article, or null when none shares more than the topic.</summary>
    public static FaqEntry? For(FaqEntry entry, KnowledgeBase knowledgeBase) =>
        Known.GetOrCreateValue(knowledgeBase).GetOrAdd(entry.Id, _ => Find(entry, knowledgeBase));

    private static FaqEntry? Find(FaqEntry entry, KnowledgeBase knowledgeBase)
    {
        var sections = knowledgeBase.Entries
            .Where(e => e.Kind == EntryKind.Section && e.ArticleId == entry.ArticleId && e.Id != entry.Id)
            .Select(e => (Entry: e, Heading: Words(e.HeadingPath.Count > 0 ? e.HeadingPath[^1] : e.Question), Words: Words(e.Answer)))
            .ToList();
        if (sections.Count == 0)
        {
            return null;
        }

        var asked = Words(entry.Question + "\n" + entry.Answer);
        var sectionsUsing = asked.ToDictionary(w => w, w => sections.Count(s => s.Words.Contains(w) || s.Heading.Contains(w)), StringComparer.Ordinal);
        FaqEntry? best = null;
        var bestScore = 0.0;
        foreach (var (section, heading, words) in sections)
        {
            var score = 0.0;
            var distinctive = false;
            foreach (var word in asked)
            {
                var inHeading = heading.Contains(word);
                if (!inHeading && !words.Contains(word))
                {
                    continue;
                }

                // Rarer words say more; a word in the section's heading says what the section is about.
                var weight = Math.Log(1.0 + (double)sections.Count / sectionsUsing[word]);
                score += inHeading ? 2 * weight : weight;
                distinctive |= sectionsUsing[word] < sections.Count;
            }

            if (distinctive && score > bestScore)
            {
                (best, bestScore) = (section, score);
            }
        }

        return best;
    }

    private static HashSet<string> Words(string text) =>
        [.. WordPattern().Matches(text.ToLowerInvariant())
            .Select(m => m.Value)
            .Where(w => w.Length > 2 && !StopWords.Contains(w))
            .Select(Stemmer.Stem)];

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}]*")]
    private static partial Regex WordPattern();
}
