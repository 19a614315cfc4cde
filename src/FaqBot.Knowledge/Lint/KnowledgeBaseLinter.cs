using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FaqBot.Knowledge.Model;

namespace FaqBot.Knowledge.Lint;

/// <summary>Finds what will answer badly: near-duplicate questions across entries and answers too long for one chat message.</summary>
public static partial class KnowledgeBaseLinter
{
    /// <summary>Answers longer than this should become a short answer plus "more".</summary>
    public const int LongAnswerCharacters = 1500;

    /// <summary>Teams rejects messages over about 28 KB.</summary>
    public const int MaxMessageBytes = 28 * 1024;

    /// <summary>Questions of different entries at or above this token-set Jaccard similarity are near-duplicates.</summary>
    public const double NearDuplicateSimilarity = 0.8;

    /// <summary>All findings, in entry order.</summary>
    public static IReadOnlyList<LintFinding> Lint(KnowledgeBase knowledgeBase)
    {
        var sources = knowledgeBase.Articles.ToDictionary(a => a.Id, a => a.SourcePath, StringComparer.Ordinal);
        string SourceOf(FaqEntry e) => sources.GetValueOrDefault(e.ArticleId, e.ArticleId);

        var findings = new List<LintFinding>();
        var duplicates = NearDuplicates(knowledgeBase.Entries);
        for (var i = 0; i < knowledgeBase.Entries.Count; i++)
        {
            var entry = knowledgeBase.Entries[i];
            var bytes = Encoding.UTF8.GetByteCount(entry.Answer);
            if (bytes > MaxMessageBytes)
            {
                findings.Add(new LintFinding(LintSeverity.Error, entry.Id, SourceOf(entry), entry.Line,
                    $"answer is {bytes:N0} bytes; Teams rejects messages over about {MaxMessageBytes / 1024} KB. Split the section."));
            }
            else if (entry.Answer.Length > LongAnswerCharacters)
            {
                findings.Add(new LintFinding(LintSeverity.Warning, entry.Id, SourceOf(entry), entry.Line,
                    string.Create(CultureInfo.InvariantCulture,
                        $"answer is {entry.Answer.Length:N0} characters, too long for one chat message (over {LongAnswerCharacters:N0}); it should become a short answer plus \"more\".")));
            }

            foreach (var (j, best) in duplicates.Where(d => d.Key.First == i).OrderBy(d => d.Key.Second).Select(d => (d.Key.Second, d.Value)))
            {
                var other = knowledgeBase.Entries[j];
                findings.Add(new LintFinding(LintSeverity.Warning, entry.Id, SourceOf(entry), entry.Line,
                    string.Create(CultureInfo.InvariantCulture,
                        $"question \"{best.A}\" is a near-duplicate of \"{best.B}\" ({other.Id}, similarity {best.Similarity:0.00}); users may get the other answer. Merge them or make them distinct.")));
            }
        }

        return findings;
    }

    // Pairs of entries whose most similar questions reach NearDuplicateSimilarity, with those questions. Prefix filtering
    // keeps it near-linear: two token sets with Jaccard >= t share a token among each one's |x| - ceil(t|x|) + 1 rarest tokens.
    private static Dictionary<(int First, int Second), (double Similarity, string A, string B)> NearDuplicates(IReadOnlyList<FaqEntry> entries)
    {
        var questions = entries.SelectMany((e, i) => e.Questions.Select(q => (Entry: i, Question: q, Tokens: Tokens(q)))).ToList();
        var frequency = questions.SelectMany(q => q.Tokens).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var best = new Dictionary<(int, int), (double Similarity, string A, string B)>();
        for (var k = 0; k < questions.Count; k++)
        {
            var (entry, question, tokens) = questions[k];
            var prefix = tokens.OrderBy(t => frequency[t]).ThenBy(t => t, StringComparer.Ordinal)
                .Take(tokens.Count - (int)Math.Ceiling(NearDuplicateSimilarity * tokens.Count) + 1).ToList();
            var candidates = new HashSet<int>();
            foreach (var token in prefix)
            {
                if (index.TryGetValue(token, out var seen))
                {
                    candidates.UnionWith(seen);
                }
            }

            foreach (var c in candidates)
            {
                var other = questions[c];
                if (other.Entry == entry)
                {
                    continue;
                }

                var similarity = Jaccard(tokens, other.Tokens);
                var key = (Math.Min(entry, other.Entry), Math.Max(entry, other.Entry));
                var (a, b) = other.Entry < entry ? (other.Question, question) : (question, other.Question);
                if (similarity >= NearDuplicateSimilarity && (!best.TryGetValue(key, out var current) || similarity > current.Similarity))
                {
                    best[key] = (similarity, a, b);
                }
            }

            foreach (var token in prefix)
            {
                (index.TryGetValue(token, out var list) ? list : index[token] = []).Add(k);
            }
        }

        return best;
    }

    /// <summary>Token-set Jaccard similarity of two questions (lowercased words).</summary>
    public static double Similarity(string first, string second) => Jaccard(Tokens(first), Tokens(second));

    private static HashSet<string> Tokens(string text) =>
        [.. Word().Matches(text.ToLowerInvariant()).Select(m => m.Value)];

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 0;
        }

        var intersection = a.Count(b.Contains);
        return (double)intersection / (a.Count + b.Count - intersection);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
