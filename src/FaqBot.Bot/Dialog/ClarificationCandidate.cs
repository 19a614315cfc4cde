namespace FaqBot.Bot.Dialog;

/// <summary>One entry offered in "Did you mean…?".</summary>
/// <param name="EntryId">The entry.</param>
/// <param name="Question">The entry's question, as shown on the suggested action.</param>
/// <param name="Confidence">The engine's confidence for it.</param>
public sealed record ClarificationCandidate(string EntryId, string Question, float Confidence);
