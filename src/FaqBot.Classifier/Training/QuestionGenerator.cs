using FaqBot.Classifier.Answering;
using FaqBot.Classifier.Text;
using FaqBot.Knowledge.Model;

namespace FaqBot.Classifier.Training;

/// <summary>
/// Questions a knowledge base answers, made from its own text, so a new article needs no hand labelling: short runs
/// of content words from each unit's sentences behind a question opening ("how steam minutes", "why sebum oxidises"),
/// some with a typo, and the entries' own questions with a word left out. Real questions are short and sloppy like
/// these; the entries' exact questions are left out, since the index already holds them. Each text draws from its
/// own random stream, seeded by the text, so editing one page changes only that page's questions and a retrain embeds
/// only those again.
/// </summary>
public static class QuestionGenerator
{
    private static readonly string[] Openings = ["how {0}", "what {0}", "{0}", "why {0}", "can i {0}", "is {0}", "how do i {0}", "what is {0}", "{0}?", "when {0}"];

    /// <summary>At most <paramref name="limit"/> questions, the same for the same knowledge base and seed.</summary>
    public static IReadOnlyList<string> Generate(KnowledgeBase knowledgeBase, int seed, int limit = 1500)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        var questions = new List<string>();
        foreach (var unit in AnswerUnit.Of(knowledgeBase))
        {
            var random = RandomFor(unit.Text, seed);
            var sentences = SentenceSplitter.Split(unit.Text);
            for (var i = 0; i < 2 && sentences.Count > 0; i++)
            {
                var words = ContentWords(sentences[random.Next(sentences.Count)]);
                if (words.Count >= 2)
                {
                    var length = random.Next(2, Math.Min(6, words.Count) + 1);
                    var run = words.Skip(random.Next(0, words.Count - length + 1)).Take(length).ToList();
                    questions.Add(string.Format(Openings[random.Next(Openings.Length)], string.Join(' ', WithTypo(run, random))));
                }
            }
        }

        foreach (var question in knowledgeBase.Entries.SelectMany(e => e.Questions))
        {
            var random = RandomFor(question, seed);
            var words = Tokenizer.Split(question);
            var content = words.Where(w => !StopWords.Contains(w)).ToList();
            if (content.Count >= 3)
            {
                var dropped = content[random.Next(content.Count)];
                questions.Add(string.Join(' ', words.Where(w => w != dropped)));
            }
        }

        // A large knowledge base keeps a sample, so training time stays bounded; chosen by each question's own hash,
        // so an edit elsewhere does not reshuffle it.
        return questions.Count <= limit
            ? questions
            : [.. questions.Distinct(StringComparer.Ordinal).OrderBy(q => StableHash(q, seed)).ThenBy(q => q, StringComparer.Ordinal).Take(limit)];
    }

    private static Random RandomFor(string text, int seed) => new((int)StableHash(text, seed));

    // FNV-1a: string.GetHashCode differs between processes, and the model must not.
    private static uint StableHash(string text, int seed)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private static List<string> ContentWords(string sentence) =>
        [.. Tokenizer.Split(sentence).Where(w => !StopWords.Contains(w) && !w.All(char.IsDigit))];

    private static List<string> WithTypo(List<string> words, Random random)
    {
        if (random.NextDouble() < 0.2)
        {
            var i = random.Next(words.Count);
            if (words[i].Length > 4)
            {
                words[i] = words[i].Remove(random.Next(1, words[i].Length - 1), 1);
            }
        }

        return words;
    }
}
