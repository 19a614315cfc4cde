using FaqBot.Classifier.Text;
using FaqBot.Classifier.Training;
using FaqBot.Knowledge.Model;

namespace FaqBot.Classifier.Answering;

/// <summary>
/// One knowledge base with its normaliser, classifier and passage index: everything needed to answer, immutable, so the
/// engine can swap a whole <see cref="Answerer"/> in one reference assignment. Scope comes from the classifier
/// (1 − P(out of scope)); every passage of the knowledge base is then scored by its classifier probability, BM25
/// against the question, and how well the question matches its entry's own questions and headings; the best passage
/// (with a short companion from the same entry) is shown, and entries rank by their best passage.
/// </summary>
public sealed class Answerer
{
    private readonly Dictionary<string, FaqEntry> _entries;
    private readonly Dictionary<string, (FaqEntry Entry, Passage? Passage)> _units;
    private readonly int[] _labelEntry;
    private readonly string[] _entryIds;
    private readonly int _outOfScope;
    private readonly PassageIndex _index;
    private readonly int[] _labelPassage;
    private readonly QuestionIndex _questions;
    private readonly Dictionary<string, string> _lowerTexts = new(StringComparer.Ordinal);

    /// <summary>Builds an answerer.</summary>
    public Answerer(KnowledgeBase knowledgeBase, QueryNormalizer normalizer, AnswerModel model, AnswerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        KnowledgeBase = knowledgeBase;
        Normalizer = normalizer;
        Model = model;
        Settings = settings;
        _entries = knowledgeBase.Entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
        _units = new(StringComparer.Ordinal);
        var stems = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var articles = knowledgeBase.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var questionTexts = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var entry in knowledgeBase.Entries)
        {
            var heading = entry.HeadingPath.Count > 0 ? entry.HeadingPath[^1] : "";
            if (entry.Kind == EntryKind.Article && articles.TryGetValue(entry.ArticleId, out var summary))
            {
                // The article-as-a-whole entry's passages are its summary; the front matter's excerpt says the same.
                heading += " " + summary.Excerpt;
            }

            foreach (var (label, text) in TrainingSetBuilder.AnswerUnits(entry))
            {
                _units[label] = (entry, entry.Passages.FirstOrDefault(p => p.Id == label));
                _lowerTexts[label] = text.ToLowerInvariant();
                stems[label] = normalizer.DocumentStems(heading + " " + text);
            }

            // What an entry is about, as its author put it: its questions and heading, and for the article-as-a-whole
            // entry the title and summary, so generic "how do I ..." questions about the main subject land there.
            var questions = new List<string>(entry.Questions);
            if (entry.Kind != EntryKind.Faq && heading.Length > 0)
            {
                questions.Add(heading);
            }

            if (entry.Kind == EntryKind.Article && articles.TryGetValue(entry.ArticleId, out var article))
            {
                questions.Add(article.Title);
                questions.AddRange(SentenceSplitter.Split(article.Excerpt ?? ""));
            }

            questionTexts[entry.Id] = questions;
        }

        _index = new PassageIndex(stems);
        _questions = new QuestionIndex(
            [.. knowledgeBase.Entries.Select(e => (IReadOnlyList<string[]>)[.. questionTexts[e.Id].Select(t => normalizer.DocumentStems(t).Distinct(StringComparer.Ordinal).ToArray())])],
            _index.Idf);
        _entryIds = knowledgeBase.Entries.Select(e => e.Id).ToArray();
        var entryIndex = _entryIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        _labelEntry = new int[model.Labels.Count];
        _labelPassage = [.. model.Labels.Select(_index.IndexOf)];
        _outOfScope = -1;
        for (var i = 0; i < model.Labels.Count; i++)
        {
            var label = model.Labels[i];
            if (label == AnswerLabels.OutOfScope)
            {
                _outOfScope = i;
                _labelEntry[i] = -1;
            }
            else
            {
                _labelEntry[i] = _units.TryGetValue(label, out var unit) ? entryIndex[unit.Entry.Id] : -1;
            }
        }
    }

    /// <summary>The knowledge base answered from.</summary>
    public KnowledgeBase KnowledgeBase { get; }

    /// <summary>The normaliser built for this knowledge base.</summary>
    public QueryNormalizer Normalizer { get; }

    /// <summary>The classifier.</summary>
    public AnswerModel Model { get; }

    /// <summary>Thresholds in force (calibrated, possibly overridden by configuration).</summary>
    public AnswerSettings Settings { get; }

    /// <summary>Returns a copy using other thresholds.</summary>
    public Answerer WithSettings(AnswerSettings settings) => new(KnowledgeBase, Normalizer, Model, settings);

    /// <summary>The entry with this id, or null.</summary>
    public FaqEntry? FindEntry(string entryId) => _entries.GetValueOrDefault(entryId);

    /// <summary>Scores a question without deciding.</summary>
    public AnswerScores Score(string? question) => Score(question, null);

    /// <summary>Every passage's score components for a question, best first (for evaluation reports and tuning).</summary>
    public IReadOnlyList<PassageScore> Explain(string? question)
    {
        var list = new List<PassageScore>();
        Score(question, list);
        return [.. list.OrderByDescending(p => p.Combined)];
    }

    private AnswerScores Score(string? question, List<PassageScore>? explain)
    {
        var analysis = Normalizer.Analyze(question);
        var stems = analysis.Stems;
        if (stems.Count == 0)
        {
            return new AnswerScores(0, [], null);
        }

        var probabilities = Model.Score(Normalizer.Featurize(stems));
        var inScope = _outOfScope >= 0 ? 1 - probabilities[_outOfScope] : 1;
        if (_entryIds.Length == 0)
        {
            return new AnswerScores(inScope, [], null);
        }

        // Passage choice over the whole knowledge base: the classifier's in-scope-normalised probability, plus BM25
        // (heading + passage) scaled to the best match so a fact named in one paragraph wins, plus how well the
        // question matches the entry's own questions and headings.
        var queryStems = stems.Distinct(StringComparer.Ordinal).ToArray();
        var bm25 = new double[_index.Count];
        _index.Score(queryStems, bm25);
        var lexical = new double[probabilities.Length];
        var maxLexical = 0.0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            if (_labelEntry[i] >= 0 && _labelPassage[i] >= 0)
            {
                lexical[i] = bm25[_labelPassage[i]];
                maxLexical = Math.Max(maxLexical, lexical[i]);
            }
        }

        var queryIdf = 0.0;
        var knownIdf = 0.0;
        foreach (var stem in queryStems)
        {
            var idf = _index.Idf(stem);
            queryIdf += idf;
            knownIdf += Normalizer.IsKnowledgeStem(stem) ? idf : 0;
        }

        var questionMatch = new double[_entryIds.Length];
        _questions.Match(queryStems, knownIdf, questionMatch);

        var definitionTerms = DefinitionTerms(analysis);
        string? passage = null;
        var passageScore = double.MinValue;
        var bestEntry = -1;
        var combinedScores = new double[probabilities.Length];
        for (var i = 0; i < probabilities.Length; i++)
        {
            if (_labelEntry[i] < 0)
            {
                combinedScores[i] = double.MinValue;
                continue;
            }

            var combined = (definitionTerms is null ? 0 : DefinitionBonus(Model.Labels[i], definitionTerms))
                + (probabilities[i] / Math.Max(inScope, 1e-6f))
                + (Settings.LexicalWeight * (maxLexical > 0 ? lexical[i] / maxLexical : 0))
                + (Settings.QuestionWeight * questionMatch[_labelEntry[i]]);
            combinedScores[i] = combined;
            explain?.Add(new PassageScore(
                Model.Labels[i],
                probabilities[i] / Math.Max(inScope, 1e-6f),
                maxLexical > 0 ? lexical[i] / maxLexical : 0,
                questionMatch[_labelEntry[i]],
                combined));
            if (combined > passageScore)
            {
                passageScore = combined;
                passage = Model.Labels[i];
                bestEntry = _labelEntry[i];
            }
        }

        // Entries rank by their best passage; confidence = P(in scope) × softmax over those scores, so the shown
        // entry's confidence says both "this is in scope" and "this entry rather than the next".
        var entryBest = new double[_entryIds.Length];
        Array.Fill(entryBest, double.MinValue);
        for (var i = 0; i < probabilities.Length; i++)
        {
            if (_labelEntry[i] >= 0)
            {
                entryBest[_labelEntry[i]] = Math.Max(entryBest[_labelEntry[i]], combinedScores[i]);
            }
        }

        var top = double.MinValue;
        var rankedEntries = new List<int>(entryBest.Length);
        for (var e = 0; e < entryBest.Length; e++)
        {
            top = Math.Max(top, entryBest[e]);
            if (entryBest[e] > double.MinValue)
            {
                rankedEntries.Add(e);
            }
        }

        var total = 0.0;
        foreach (var best in entryBest)
        {
            total += best == double.MinValue ? 0 : Math.Exp(best - top);
        }

        // Best first, ties in knowledge-base order.
        rankedEntries.Sort((a, b) => entryBest[a] != entryBest[b] ? entryBest[b].CompareTo(entryBest[a]) : a.CompareTo(b));
        var ranked = new List<(string EntryId, float Score)>(rankedEntries.Count);
        foreach (var e in rankedEntries)
        {
            ranked.Add((_entryIds[e], (float)(inScope * Math.Exp(entryBest[e] - top) / total)));
        }

        string? second = null;
        var secondScore = double.MinValue;
        for (var i = 0; i < probabilities.Length; i++)
        {
            if (_labelEntry[i] == bestEntry && Model.Labels[i] != passage && combinedScores[i] > secondScore)
            {
                secondScore = combinedScores[i];
                second = Model.Labels[i];
            }
        }

        return new AnswerScores(inScope, ranked, passage)
        {
            SecondPassageLabel = second,
            Coverage = queryIdf > 0 ? knownIdf / queryIdf : 0,
            QuestionMatch = questionMatch.Max(),
        };
    }

    // "What is X" / "what does X mean" with one or two content words: the terms to find defined.
    private static string[]? DefinitionTerms(QueryAnalysis analysis)
    {
        var words = analysis.Tokens;
        if (words.Count == 0 || words[0] is not ("what" or "whats" or "wat" or "wut"))
        {
            return null;
        }

        return analysis.ContentWords.Count is > 0 and <= 2 ? [.. analysis.ContentWords] : null;
    }

    // A passage that defines one of the terms ("X is", "X are", "X (", "(X)", "X ... This means") answers "what is X".
    private double DefinitionBonus(string label, string[] terms)
    {
        var text = _lowerTexts[label];
        foreach (var term in terms)
        {
            var at = text.IndexOf(term, StringComparison.Ordinal);
            while (at >= 0)
            {
                var after = text.AsSpan(at + term.Length, Math.Min(24, text.Length - at - term.Length));
                if (after.StartsWith(" is ", StringComparison.Ordinal) || after.StartsWith(" are ", StringComparison.Ordinal)
                    || after.StartsWith(" (", StringComparison.Ordinal) || (after.StartsWith(')') && at > 0 && text[at - 1] == '(')
                    || after.Contains("this means", StringComparison.Ordinal))
                {
                    return Settings.DefinitionWeight;
                }

                at = text.IndexOf(term, at + term.Length, StringComparison.Ordinal);
            }
        }

        return 0;
    }

    // The first text the user sees: the best passage, completed by its lead-in ("Consider help if:") or its list, plus
    // the entry's next best passage when both together still read as one short chat message.
    private string ShownText(FaqEntry entry, Passage? best, Passage? second)
    {
        if (best is null)
        {
            return entry.Answer;
        }

        var index = IndexOf(entry, best);
        var parts = new List<Passage> { best };
        if (best.Markdown.TrimEnd().EndsWith(':') && index + 1 < entry.Passages.Count)
        {
            parts.Add(entry.Passages[index + 1]);
        }
        else if (best.Kind == PassageKind.List && index > 0 && entry.Passages[index - 1].Markdown.TrimEnd().EndsWith(':'))
        {
            parts.Insert(0, entry.Passages[index - 1]);
        }

        var length = parts.Sum(p => p.Markdown.Length);
        if (second is not null && !parts.Contains(second) && length + second.Markdown.Length <= Settings.MaxShownLength)
        {
            // Keep the article's order so the two paragraphs read naturally.
            parts.Add(second);
            parts.Sort((a, b) => IndexOf(entry, a).CompareTo(IndexOf(entry, b)));
        }

        return string.Join("\n\n", parts.Select(p => p.Markdown));
    }

    private static int IndexOf(FaqEntry entry, Passage passage)
    {
        for (var i = 0; i < entry.Passages.Count; i++)
        {
            if (ReferenceEquals(entry.Passages[i], passage) || entry.Passages[i].Id == passage.Id)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Answers, asks "Did you mean…?" or declines. Never throws for any input string.</summary>
    public AnswerOutcome Ask(string? question)
    {
        var asked = question ?? "";
        var scores = Score(asked);
        var alternatives = scores.Entries.Take(3)
            .Select(e => new AnswerAlternative(e.EntryId, _entries[e.EntryId].Question, e.Score))
            .ToList();
        var top = scores.Entries.Count > 0 ? scores.Entries[0] : default;
        // Declined below the threshold, unless the question is (nearly) one of the entries' own questions in the
        // articles' words only: the classifier can doubt "deep cleaning frequency?", the author's question cannot.
        var restatesEntryQuestion = scores.Coverage >= 0.999 && scores.QuestionMatch >= Settings.AcceptQuestionMatch;
        if ((scores.InScope < Settings.DeclineThreshold && !restatesEntryQuestion) || scores.PassageLabel is null)
        {
            alternatives = [.. alternatives.OrderByDescending(a => a.Confidence)];
            return new Declined(asked, alternatives.Count > 0 ? alternatives[0].Confidence : 0, alternatives);
        }

        var entry = _entries[top.EntryId];
        var unit = _units[scores.PassageLabel];
        var text = ShownText(entry, unit.Passage, scores.SecondPassageLabel is { } label ? _units[label].Passage : null);
        var best = ToAnswer(entry, text, top.Score);
        var second = scores.Entries.Count > 1 ? scores.Entries[1].Score : 0;
        if (top.Score - second >= Settings.ClarificationMargin)
        {
            return new Answered(asked, best, alternatives);
        }

        var candidates = new List<Answer> { best };
        foreach (var (entryId, score) in scores.Entries.Skip(1).Take(2))
        {
            var other = _entries[entryId];
            if (candidates.All(c => !string.Equals(c.Title, other.Question, StringComparison.OrdinalIgnoreCase)))
            {
                candidates.Add(ToAnswer(other, ShownText(other, other.Passages.FirstOrDefault(), null), score));
            }
        }

        return candidates.Count < 2 ? new Answered(asked, best, alternatives) : new Clarify(asked, best, candidates, alternatives);
    }

    private static Answer ToAnswer(FaqEntry entry, string text, float confidence) => new(
        entry.Id,
        entry.ArticleId,
        entry.Question,
        text,
        entry.HeadingPath.Count > 0 ? string.Join(" › ", entry.HeadingPath) : entry.Question,
        entry.Link,
        confidence,
        HasMore: text.Trim().Length < entry.Answer.Trim().Length);
}
