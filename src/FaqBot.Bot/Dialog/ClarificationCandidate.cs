namespace FaqBot.Bot.Dialog;

/// <summary>An answer the dialog holds on to: one offered in "Did you mean…?", ready to show when picked.</summary>
/// <param name="EntryId">The entry it comes from.</param>
/// <param name="Question">The entry's question, as shown on the suggested action.</param>
/// <param name="Confidence">The engine's confidence for it.</param>
/// <param name="Text">The answer's Markdown, as the engine chose it for the user's question.</param>
/// <param name="Source">The article and section it comes from.</param>
/// <param name="Link">Address of the section, if any.</param>
public sealed record ClarificationCandidate(string EntryId, string Question, float Confidence, string Text, string Source, string? Link);
