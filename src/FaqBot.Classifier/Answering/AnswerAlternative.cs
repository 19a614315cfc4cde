namespace FaqBot.Classifier.Answering;

/// <summary>One candidate entry for a question.</summary>
public sealed record AnswerAlternative(string EntryId, string Title, float Confidence);
