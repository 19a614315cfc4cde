using FaqBot.Knowledge.Model;

namespace FaqBot.Classifier.Answering;

/// <summary>
/// One thing the engine can show on its own: a passage of an entry (or the entry's whole answer when it has no
/// passages), with the heading it sits under, which is part of what it is about.
/// </summary>
/// <param name="Index">Its position among the knowledge base's units.</param>
/// <param name="Entry">The entry it belongs to.</param>
/// <param name="Passage">The passage, or null when the unit is the entry's whole answer.</param>
/// <param name="Position">Its position inside the entry.</param>
/// <param name="Heading">The entry's question (FAQ pairs) or section heading.</param>
public sealed record AnswerUnit(int Index, FaqEntry Entry, Passage? Passage, int Position, string Heading)
{
    /// <summary>Plain text, for matching.</summary>
    public string Text => Passage?.Text ?? Entry.Answer;

    /// <summary>Markdown, for showing.</summary>
    public string Markdown => Passage?.Markdown ?? Entry.Answer;

    /// <summary>What is embedded: the heading says what a short passage is about.</summary>
    public string EmbeddingText => $"{Heading}: {Text}";

    /// <summary>The units of a knowledge base, in entry and passage order (the same order every time).</summary>
    public static IReadOnlyList<AnswerUnit> Of(KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        var titles = knowledgeBase.Articles.ToDictionary(a => a.Id, a => a.Title, StringComparer.Ordinal);
        var units = new List<AnswerUnit>();
        foreach (var entry in knowledgeBase.Entries)
        {
            var heading = entry.Kind switch
            {
                EntryKind.Faq => entry.Question,
                EntryKind.Article => titles.GetValueOrDefault(entry.ArticleId, entry.Question),
                _ => entry.HeadingPath.Count > 0 ? entry.HeadingPath[^1] : entry.Question,
            };
            var passages = entry.Passages.Where(p => !string.IsNullOrWhiteSpace(p.Text)).ToList();
            if (passages.Count == 0)
            {
                units.Add(new AnswerUnit(units.Count, entry, null, 0, heading));
                continue;
            }

            for (var i = 0; i < passages.Count; i++)
            {
                units.Add(new AnswerUnit(units.Count, entry, passages[i], i, heading));
            }
        }

        return units;
    }
}
