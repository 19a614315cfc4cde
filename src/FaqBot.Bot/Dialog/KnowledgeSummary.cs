using FaqBot.Knowledge.Model;

namespace FaqBot.Bot.Dialog;

/// <summary>What the bot says it knows, derived from the knowledge base (never hard-coded).</summary>
/// <param name="Titles">The article titles.</param>
/// <param name="Topics">Per article: its title and the headings of its sections.</param>
/// <param name="ExampleQuestions">Three questions to offer: FAQ questions first (they are real user questions), then section questions.</param>
public sealed record KnowledgeSummary(
    IReadOnlyList<string> Titles,
    IReadOnlyList<ArticleTopics> Topics,
    IReadOnlyList<string> ExampleQuestions)
{
    /// <summary>The number of example questions offered.</summary>
    public const int ExampleCount = 3;

    /// <summary>Summarises <paramref name="knowledgeBase"/>.</summary>
    public static KnowledgeSummary From(KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        var titles = knowledgeBase.Articles.Select(a => a.Title).ToList();
        var topics = knowledgeBase.Articles
            .Select(a => new ArticleTopics(
                a.Title,
                knowledgeBase.Entries.Where(e => e.ArticleId == a.Id && e.Kind == EntryKind.Section)
                    .Select(e => e.HeadingPath.Count > 0 ? e.HeadingPath[^1] : e.Question).ToList(),
                knowledgeBase.Entries.Where(e => e.ArticleId == a.Id && e.Kind == EntryKind.Faq)
                    .Select(e => e.Question).ToList()))
            .ToList();

        // Round-robin over articles so several articles each get an example; FAQ questions read most naturally.
        var perArticle = knowledgeBase.Articles
            .Select(a => knowledgeBase.Entries.Where(e => e.ArticleId == a.Id)
                .OrderBy(e => e.Kind switch { EntryKind.Faq => 0, EntryKind.Section => 1, _ => 2 })
                .Select(e => e.Question)
                .ToList())
            .ToList();
        var examples = new List<string>();
        for (var round = 0; examples.Count < ExampleCount && perArticle.Any(q => q.Count > round); round++)
        {
            foreach (var questions in perArticle)
            {
                if (examples.Count < ExampleCount && round < questions.Count && !examples.Contains(questions[round]))
                {
                    examples.Add(questions[round]);
                }
            }
        }

        return new KnowledgeSummary(titles, topics, examples);
    }

    /// <summary>The titles as a readable bold list: "**A**", "**A** and **B**", "**A**, **B** and **C**".</summary>
    public string TitlesText => Titles.Count switch
    {
        0 => "nothing yet (no articles are loaded)",
        1 => $"**{Titles[0]}**",
        _ => string.Join(", ", Titles.Take(Titles.Count - 1).Select(t => $"**{t}**")) + $" and **{Titles[^1]}**",
    };
}
