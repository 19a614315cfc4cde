using FaqBot.Classifier.Answering;
using FaqBot.Classifier.Text;
using FaqBot.Knowledge.Model;

namespace FaqBot.Classifier.Training;

/// <summary>
/// Chooses the decline threshold and the clarification margin on held-out questions: generated ones that were not
/// trained on (other fragments of the article's sentences with typos and stray words, other fragments of the negatives),
/// plus hand-written ones when given.
/// </summary>
public static class Calibrator
{
    /// <summary>Generates held-out questions with a seed other than training's.</summary>
    public static IReadOnlyList<LabelledQuestion> GenerateHeldOut(
        KnowledgeBase knowledgeBase, IReadOnlyList<string> negatives, QueryNormalizer normalizer, int seed)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(negatives);
        ArgumentNullException.ThrowIfNull(normalizer);
        var random = new Random(seed);
        var negativeWords = negatives.SelectMany(Tokenizer.Split).Where(w => w.Length > 3 && !StopWords.Contains(w)).Distinct().ToArray();
        var result = new List<LabelledQuestion>();
        foreach (var entry in knowledgeBase.Entries)
        {
            foreach (var (_, text) in TrainingSetBuilder.AnswerUnits(entry))
            {
                foreach (var sentence in SentenceSplitter.Split(text))
                {
                    var words = normalizer.ContentWords(sentence).ToList();
                    if (words.Count < 3)
                    {
                        continue;
                    }

                    var length = random.Next(2, Math.Min(5, words.Count) + 1);
                    var start = random.Next(0, words.Count - length + 1);
                    var fragment = words.Skip(start).Take(length).ToList();
                    if (random.NextDouble() < 0.3 && negativeWords.Length > 0)
                    {
                        fragment.Insert(random.Next(fragment.Count + 1), negativeWords[random.Next(negativeWords.Length)]);
                    }

                    if (random.NextDouble() < 0.3)
                    {
                        var i = random.Next(fragment.Count);
                        if (fragment[i].Length > 5)
                        {
                            fragment[i] = fragment[i].Remove(random.Next(1, fragment[i].Length - 1), 1);
                        }
                    }

                    result.Add(new LabelledQuestion("how " + string.Join(' ', fragment), entry.Id));
                }
            }
        }

        foreach (var negative in negatives)
        {
            var words = Tokenizer.Split(negative);
            if (words.Count >= 3 && random.NextDouble() < 0.5)
            {
                var drop = random.Next(words.Count);
                words.RemoveAt(drop);
            }

            result.Add(new LabelledQuestion(string.Join(' ', words), AnswerLabels.OutOfScope));
        }

        return result;
    }

    /// <summary>
    /// Picks the threshold with the best accuracy when <paramref name="inScopeShare"/> of the questions are in scope
    /// (real traffic is mostly in scope: about three in four on the hand-written sets), and the margin below which the
    /// top entry is mostly wrong.
    /// </summary>
    public static Calibration Calibrate(Answerer answerer, IReadOnlyList<LabelledQuestion> heldOut, double inScopeShare = 0.75)
    {
        ArgumentNullException.ThrowIfNull(answerer);
        ArgumentNullException.ThrowIfNull(heldOut);
        var scored = heldOut.Select(q => (q, s: answerer.Score(q.Question))).ToList();
        var inScope = scored.Where(x => !x.q.IsOutOfScope).Select(x => x.s.InScope).ToArray();
        var outOfScope = scored.Where(x => x.q.IsOutOfScope).Select(x => x.s.InScope).ToArray();
        var threshold = 0.5f;
        var bestAccuracy = -1.0;
        if (inScope.Length > 0 && outOfScope.Length > 0)
        {
            var candidates = inScope.Concat(outOfScope).Distinct().OrderBy(v => v).ToArray();
            for (var i = 0; i < candidates.Length; i++)
            {
                var t = i == 0 ? candidates[0] : (candidates[i - 1] + candidates[i]) / 2;
                var accuracy = (inScopeShare * inScope.Count(v => v >= t) / inScope.Length)
                    + ((1 - inScopeShare) * outOfScope.Count(v => v < t) / outOfScope.Length);
                if (accuracy > bestAccuracy + 1e-9)
                {
                    bestAccuracy = accuracy;
                    threshold = t;
                }
            }
        }

        // The margin: the largest top-2 gap under which the top entry is still wrong at least half the time.
        var gaps = scored
            .Where(x => !x.q.IsOutOfScope && x.s.Entries.Count > 1)
            .Select(x => (gap: x.s.Entries[0].Score - x.s.Entries[1].Score, right: x.s.Entries[0].EntryId == x.q.ExpectedEntryId))
            .OrderBy(x => x.gap)
            .ToList();
        var margin = 0f;
        var wrong = 0;
        for (var i = 0; i < gaps.Count; i++)
        {
            wrong += gaps[i].right ? 0 : 1;
            if (i >= 4 && wrong * 2 >= i + 1)
            {
                margin = gaps[i].gap;
            }
        }

        return new Calibration(threshold, Math.Clamp(margin, 0f, 0.2f), bestAccuracy, heldOut.Count);
    }
}
