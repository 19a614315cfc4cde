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
        var tokens = knowledgeBase.Entries.Select(e => e.Questions.Select(q => (Question: q, Tokens: Tokens(q))).ToArray()).ToArray();
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

            for (var j = i + 1; j < knowledgeBase.Entries.Count; j++)
            {
                var best = (Similarity: 0.0, A: string.Empty, B: string.Empty);
                foreach (var a in tokens[i])
                {
                    foreach (var b in tokens[j])
                    {
                        var similarity = Jaccard(a.Tokens, b.Tokens);
                        if (similarity > best.Similarity)
                        {
                            best = (similarity, a.Question, b.Question);
                        }
                    }
                }

                if (best.Similarity >= NearDuplicateSimilarity)
                {
                    var other = knowledgeBase.Entries[j];
                    findings.Add(new LintFinding(LintSeverity.Warning, entry.Id, SourceOf(entry), entry.Line,
                        string.Create(CultureInfo.InvariantCulture,
                            $"question \"{best.A}\" is a near-duplicate of \"{best.B}\" ({other.Id}, similarity {best.Similarity:0.00}); users may get the other answer. Merge them or make them distinct.")));
                }
            }
        }

        return findings;
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
