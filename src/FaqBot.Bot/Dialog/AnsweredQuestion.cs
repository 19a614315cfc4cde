namespace FaqBot.Bot.Dialog;

/// <summary>The last answer given in a conversation: what "Tell me more" expands and "Helpful"/"Not helpful" rate.</summary>
/// <param name="Question">The user's question.</param>
/// <param name="EntryId">The entry that answered it.</param>
/// <param name="Confidence">The engine's confidence.</param>
/// <param name="Rated">True once the user gave feedback on it (one vote per answer).</param>
public sealed record AnsweredQuestion(string Question, string EntryId, float Confidence, bool Rated);
