using FaqBot.Classifier.Text;
using FaqBot.Knowledge.Model;

namespace FaqBot.Classifier.Training;

/// <summary>Builds the <see cref="QueryNormalizer"/> for a knowledge base: its vocabulary, the lexicon and the negatives' words.</summary>
public static class NormalizerFactory
{
    /// <summary>Creates the normaliser; knowledge-base words are ranked by frequency (typo ties go to the commoner word).</summary>
    public static QueryNormalizer Create(KnowledgeBase knowledgeBase, ClassifierData data)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(data);
        var texts = new List<string>();
        foreach (var article in knowledgeBase.Articles)
        {
            texts.Add(article.Title);
            texts.Add(article.Excerpt ?? "");
        }

        foreach (var entry in knowledgeBase.Entries)
        {
            texts.AddRange(entry.Questions);
            texts.AddRange(entry.HeadingPath);
            texts.AddRange(entry.Passages.Select(p => p.Text));
            if (entry.Passages.Count == 0)
            {
                texts.Add(entry.Answer);
            }
        }

        var knowledgeWords = texts.SelectMany(Tokenizer.Split)
            .Where(w => !w.All(char.IsDigit))
            .GroupBy(w => w, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .ToList();
        var otherWords = data.Negatives.SelectMany(Tokenizer.Split).Distinct(StringComparer.Ordinal).ToList();
        return new QueryNormalizer(data.Lexicon, knowledgeWords, otherWords);
    }
}
