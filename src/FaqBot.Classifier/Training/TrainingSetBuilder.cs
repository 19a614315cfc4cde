using FaqBot.Classifier.Text;
using FaqBot.Knowledge.Model;

namespace FaqBot.Classifier.Training;

/// <summary>
/// Generates the training set from the knowledge base alone, so a new article needs no hand labelling. Classes are
/// passages (each paragraph, list and FAQ answer) plus out-of-scope. Each passage learns from its entry's questions and
/// headings, each of its own sentences, and short fragments of them (real questions are often three or four content
/// words about one fact); the out-of-scope class learns from the shipped generic negatives and their fragments.
/// </summary>
public sealed class TrainingSetBuilder
{
    private readonly QueryNormalizer _normalizer;
    private readonly int _seed;

    /// <summary>Creates a builder.</summary>
    public TrainingSetBuilder(QueryNormalizer normalizer, int seed)
    {
        _normalizer = normalizer;
        _seed = seed;
    }

    /// <summary>How many fragments to draw from each sentence.</summary>
    public int FragmentsPerSentence { get; init; } = 2;

    /// <summary>Share of fragments also added with one stray out-of-vocabulary word.</summary>
    public double NoisyFragmentShare { get; init; }

    /// <summary>Builds the examples (not yet normalised: normalising happens once, in the trainer).</summary>
    public IReadOnlyList<TrainingExample> Build(KnowledgeBase knowledgeBase, IReadOnlyList<string> negatives)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(negatives);
        var random = new Random(_seed);
        var examples = new List<TrainingExample>();
        var articles = knowledgeBase.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var entry in knowledgeBase.Entries)
        {
            var passages = AnswerUnits(entry);
            var entryQuestions = new List<string>(entry.Questions);
            if (entry.HeadingPath.Count > 0)
            {
                entryQuestions.Add(entry.HeadingPath[^1]);
            }

            if (entry.Kind == EntryKind.Article && articles.TryGetValue(entry.ArticleId, out var article))
            {
                entryQuestions.Add(article.Title);
                if (!string.IsNullOrWhiteSpace(article.Excerpt))
                {
                    entryQuestions.AddRange(SentenceSplitter.Split(article.Excerpt));
                }
            }

            foreach (var (label, text) in passages)
            {
                foreach (var question in entryQuestions.Distinct(StringComparer.Ordinal))
                {
                    examples.Add(new TrainingExample(question, label, "question"));
                }

                foreach (var sentence in SentenceSplitter.Split(text))
                {
                    examples.Add(new TrainingExample(sentence, label, "sentence"));
                    AddFragments(examples, sentence, label, "fragment", random);
                }
            }
        }

        if (NoisyFragmentShare > 0)
        {
            // Real questions carry words the article never uses ("waste of money", "big gritty particles"): teach that
            // one stray word next to the article's own words is still in scope, so only off-topic questions decline.
            var stray = negatives.SelectMany(Tokenizer.Split)
                .Where(w => w.Length > 3 && !StopWords.Contains(w) && !_normalizer.IsKnowledgeStem(Stemmer.Stem(w)))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToArray();
            var fragments = examples.Where(e => e.Source == "fragment").ToList();
            foreach (var fragment in fragments)
            {
                if (stray.Length > 0 && random.NextDouble() < NoisyFragmentShare)
                {
                    examples.Add(new TrainingExample(fragment.Text + " " + stray[random.Next(stray.Length)], fragment.Label, "noisy-fragment"));
                }
            }
        }

        foreach (var negative in negatives)
        {
            examples.Add(new TrainingExample(negative, AnswerLabels.OutOfScope, "negative"));
            AddFragments(examples, negative, AnswerLabels.OutOfScope, "negative-fragment", random);
        }

        return examples;
    }

    /// <summary>The classes of one entry: its passages, or the entry itself when it has none.</summary>
    public static IReadOnlyList<(string Label, string Text)> AnswerUnits(FaqEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var units = entry.Passages
            .Where(p => !string.IsNullOrWhiteSpace(p.Text))
            .Select(p => (p.Id, p.Text))
            .ToList();
        if (units.Count == 0)
        {
            units.Add((entry.Id, entry.Answer));
        }

        return units;
    }

    // A fragment keeps a random run of 2-4 content words in order: "clay masks kaolin", "steam minutes".
    private void AddFragments(List<TrainingExample> examples, string text, string label, string source, Random random)
    {
        var stems = _normalizer.ContentWords(text).ToList();
        if (stems.Count < 3)
        {
            return;
        }

        for (var i = 0; i < FragmentsPerSentence; i++)
        {
            var length = random.Next(2, Math.Min(4, stems.Count - 1) + 1);
            var start = random.Next(0, stems.Count - length + 1);
            examples.Add(new TrainingExample(string.Join(' ', stems.Skip(start).Take(length)), label, source));
        }
    }
}
