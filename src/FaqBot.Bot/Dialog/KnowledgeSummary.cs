using System.Globalization;
using FaqBot.Knowledge.Model;

namespace FaqBot.Bot.Dialog;

/// <summary>What the bot says it knows, derived from the knowledge base (never hard-coded).</summary>
/// <param name="Titles">The article titles, in knowledge-base order.</param>
/// <param name="Topics">Per article: its title and the headings of its sections.</param>
/// <param name="ExampleQuestions">Three questions to offer: FAQ questions first (they are real user questions), then section questions.</param>
/// <param name="FeaturedTitles">The titles named when there are too many to name them all: those the example questions come from first.</param>
public sealed record KnowledgeSummary(
    IReadOnlyList<string> Titles,
    IReadOnlyList<ArticleTopics> Topics,
    IReadOnlyList<string> ExampleQuestions,
    IReadOnlyList<string> FeaturedTitles)
{
    /// <summary>The number of example questions offered.</summary>
    public const int ExampleCount = 3;

    /// <summary>
    /// Up to this many articles are all named (and "topics" lists their sections); past it the bot says how many there
    /// are and names as many as this, since four or more bold titles in one sentence stop reading as a sentence.
    /// </summary>
    public const int NamedArticlesMax = 3;

    /// <summary>True when every article is named in the welcome and "topics" lists each one's sections.</summary>
    public bool NamesEveryArticle => Titles.Count <= NamedArticlesMax;

    /// <summary>The number of articles, as the bot says it: "50 articles".</summary>
    public string ArticleCountText => string.Create(CultureInfo.InvariantCulture, $"{Titles.Count:N0} article{(Titles.Count == 1 ? string.Empty : "s")}");

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
        var entriesByArticle = knowledgeBase.Entries.ToLookup(e => e.ArticleId, StringComparer.Ordinal);
        var perArticle = knowledgeBase.Articles
            .Select(a => (a.Title, Questions: entriesByArticle[a.Id]
                .OrderBy(e => e.Kind switch { EntryKind.Faq => 0, EntryKind.Section => 1, _ => 2 })
                .Select(e => e.Question)
                .ToList()))
            .ToList();
        var examples = new List<string>();
        var featured = new List<string>();
        for (var round = 0; examples.Count < ExampleCount && perArticle.Any(a => a.Questions.Count > round); round++)
        {
            foreach (var (title, questions) in perArticle)
            {
                if (examples.Count < ExampleCount && round < questions.Count && !examples.Contains(questions[round]))
                {
                    examples.Add(questions[round]);
                    if (!featured.Contains(title, StringComparer.Ordinal))
                    {
                        featured.Add(title);
                    }
                }
            }
        }

        // The articles the example buttons come from are named first, so the welcome and its buttons agree.
        featured.AddRange(titles.Distinct(StringComparer.Ordinal).Where(t => !featured.Contains(t, StringComparer.Ordinal)).Take(NamedArticlesMax - featured.Count));
        return new KnowledgeSummary(titles, topics, examples, featured.Take(NamedArticlesMax).ToList());
    }

    /// <summary>The titles as a readable bold list: "**A**", "**A** and **B**", "**A**, **B** and **C**".</summary>
    public string TitlesText => Titles.Count == 0 ? "nothing yet (no articles are loaded)" : BoldList(Titles);

    /// <summary>
    /// What the bot answers about, after "I answer questions": "about **A** and **B**" while every article is named,
    /// else "from my 50 articles, such as **A**, **B** and **C**".
    /// </summary>
    public string Scope => NamesEveryArticle ? $"about {TitlesText}" : $"from my {ArticleCountText}, such as {BoldList(FeaturedTitles)}";

    private static string BoldList(IReadOnlyList<string> titles) => titles.Count == 1
        ? $"**{titles[0]}**"
        : string.Join(", ", titles.Take(titles.Count - 1).Select(t => $"**{t}**")) + $" and **{titles[^1]}**";
}
