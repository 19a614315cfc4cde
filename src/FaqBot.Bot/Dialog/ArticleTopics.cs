namespace FaqBot.Bot.Dialog;

/// <summary>What one article covers, for the "topics" reply.</summary>
/// <param name="Title">The article title.</param>
/// <param name="Sections">The headings of its content sections.</param>
/// <param name="Faqs">Its FAQ questions.</param>
public sealed record ArticleTopics(string Title, IReadOnlyList<string> Sections, IReadOnlyList<string> Faqs);
