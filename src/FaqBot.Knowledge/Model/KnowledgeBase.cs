namespace FaqBot.Knowledge.Model;

/// <summary>
/// Everything FaqBot knows: the articles it read and the question/answer entries extracted from them.
/// Later stages train on it and answer from it; it is serialised as JSON by <c>extract</c>.
/// </summary>
/// <param name="Articles">The source articles, in the order they were read.</param>
/// <param name="Entries">Every entry of every article; ids are unique across the whole knowledge base.</param>
public sealed record KnowledgeBase(IReadOnlyList<Article> Articles, IReadOnlyList<FaqEntry> Entries);
