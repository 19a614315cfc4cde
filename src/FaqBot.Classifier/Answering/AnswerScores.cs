namespace FaqBot.Classifier.Answering;

/// <summary>The raw scores behind one answer (used by calibration and evaluation).</summary>
/// <param name="InScope">1 − P(out of scope).</param>
/// <param name="Entries">Entries with their summed passage probability, best first.</param>
/// <param name="PassageLabel">The passage chosen inside the best entry.</param>
public sealed record AnswerScores(float InScope, IReadOnlyList<(string EntryId, float Score)> Entries, string? PassageLabel);
