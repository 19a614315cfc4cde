using FaqBot.Classifier.Embeddings;
using FaqBot.Classifier.Training;
using FaqBot.Knowledge.Model;

namespace FaqBot.Classifier.Answering;

/// <summary>
/// Answers from one knowledge base with one trained model; immutable, so the engine can swap a whole answerer in one
/// reference assignment. Every unit is ranked by how close its vector and its best sentence are to the question's, plus
/// BM25; the scope model turns the best candidate's features into the confidence that decides: answer, ask
/// "Did you mean…?" when the next entry is about as good, or decline.
/// </summary>
public sealed class Answerer
{
    private const int MaxCandidates = 3;
    private readonly SentenceEmbedder _embedder;
    private readonly Dictionary<string, FaqEntry> _entries;

    /// <summary>Builds an answerer over an index and the model trained for it.</summary>
    public Answerer(KnowledgeIndex index, AnswerModel model, SentenceEmbedder embedder, AnswerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(settings);
        Index = index;
        Model = model;
        Settings = settings;
        _embedder = embedder;
        _entries = index.Entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    /// <summary>The knowledge base answered from.</summary>
    public KnowledgeBase KnowledgeBase => Index.KnowledgeBase;

    /// <summary>What questions are matched against.</summary>
    public KnowledgeIndex Index { get; }

    /// <summary>The trained model.</summary>
    public AnswerModel Model { get; }

    /// <summary>Thresholds and weights in force.</summary>
    public AnswerSettings Settings { get; }

    /// <summary>Returns a copy using other settings.</summary>
    public Answerer WithSettings(AnswerSettings settings) => new(Index, Model, _embedder, settings);

    /// <summary>The entry with this id, or null.</summary>
    public FaqEntry? FindEntry(string entryId) => _entries.GetValueOrDefault(entryId);

    /// <summary>Answers, asks "Did you mean…?" or declines. Never throws for any input string.</summary>
    public AnswerOutcome Ask(string? question)
    {
        var asked = question ?? "";
        if (!asked.Any(char.IsLetterOrDigit) || Index.Units.Count == 0)
        {
            return new Declined(asked, 0, []);
        }

        var ranking = Index.Rank(asked, _embedder.EmbedQuery(asked), Settings);

        var candidates = ranking.RankedUnits.Take(MaxCandidates)
            .Select(unit => (Unit: unit, Confidence: Model.Scope.Probability(ranking.Features(unit))))
            .ToList();
        var alternatives = candidates
            .Select(c => new AnswerAlternative(Index.Units[c.Unit].Entry.Id, Index.Units[c.Unit].Entry.Question, c.Confidence))
            .ToList();
        var (best, confidence) = candidates[0];

        if (confidence < Settings.DeclineThreshold)
        {
            return new Declined(asked, confidence, alternatives);
        }

        var answer = ToAnswer(ranking, best, confidence);
        var lead = candidates.Count > 1 ? ranking.Score(best) - ranking.Score(candidates[1].Unit) : double.MaxValue;
        if (lead >= Settings.ClarificationMargin)
        {
            return new Answered(asked, answer, alternatives);
        }

        var offered = new List<Answer> { answer };
        foreach (var (unit, unitConfidence) in candidates.Skip(1))
        {
            var entry = Index.Units[unit].Entry;
            if (offered.All(a => !string.Equals(a.Title, entry.Question, StringComparison.OrdinalIgnoreCase)))
            {
                offered.Add(ToAnswer(ranking, unit, unitConfidence));
            }
        }

        return offered.Count < 2 ? new Answered(asked, answer, alternatives) : new Clarify(asked, answer, offered, alternatives);
    }

    private Answer ToAnswer(Ranking ranking, int unit, float confidence)
    {
        var entry = Index.Units[unit].Entry;
        var text = ShownText(ranking, unit);
        return new Answer(
            entry.Id,
            entry.ArticleId,
            entry.Question,
            text,
            entry.HeadingPath.Count > 0 ? string.Join(" › ", entry.HeadingPath) : entry.Question,
            entry.Link,
            confidence,
            HasMore: text.Length < entry.Answer.Trim().Length);
    }

    // The first text the user sees: the best unit, completed by its lead-in ("Consider help if:") or the list, code or
    // table it introduces, then the entry's next best units while the whole still reads as one chat message (so a short
    // entry, such as most FAQ answers, is shown whole, in the article's order).
    private string ShownText(Ranking ranking, int best)
    {
        var units = Index.Units;
        var unit = units[best];
        var shown = new List<int> { best };
        if (unit.Markdown.TrimEnd().EndsWith(':') && SameEntry(best + 1, unit))
        {
            shown.Add(best + 1);
        }
        else if (unit.Passage?.Kind is PassageKind.List or PassageKind.Code or PassageKind.Table && SameEntry(best - 1, unit) && units[best - 1].Markdown.TrimEnd().EndsWith(':'))
        {
            shown.Add(best - 1);
        }

        var length = shown.Sum(u => units[u].Markdown.Length);
        while (ranking.NextInEntry(best, shown) is var next and >= 0 && length + units[next].Markdown.Length <= Settings.MaxShownLength)
        {
            shown.Add(next);
            length += units[next].Markdown.Length;
        }

        shown.Sort();
        return string.Join("\n\n", shown.Select(u => units[u].Markdown.Trim()));
    }

    private bool SameEntry(int index, AnswerUnit unit) =>
        index >= 0 && index < Index.Units.Count && Index.Units[index].Entry == unit.Entry;
}
