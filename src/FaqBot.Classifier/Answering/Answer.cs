namespace FaqBot.Classifier.Answering;

/// <summary>An answer ready to show, with where it comes from.</summary>
/// <param name="EntryId">The entry it comes from.</param>
/// <param name="ArticleId">The article it comes from.</param>
/// <param name="Title">The entry's main question (the label of a "Did you mean…?" choice).</param>
/// <param name="Text">The Markdown a user sees: the passage(s) that answer the question.</param>
/// <param name="Source">The article and section it comes from, e.g. "How To Deep Clean Pores › FAQ Section".</param>
/// <param name="Link">Address of the section, if the article has one.</param>
/// <param name="Confidence">How sure the engine is that this answers the question, 0 to 1.</param>
/// <param name="HasMore">True when the entry says more than <paramref name="Text"/> ("Tell me more" has something to add).</param>
public sealed record Answer(
    string EntryId,
    string ArticleId,
    string Title,
    string Text,
    string Source,
    string? Link,
    float Confidence,
    bool HasMore);
