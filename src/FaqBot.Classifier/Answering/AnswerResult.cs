namespace FaqBot.Classifier.Answering;

/// <summary>What the engine made of one question.</summary>
/// <param name="Question">The question as asked.</param>
/// <param name="Answered">True when an entry was chosen; false when the question was declined as out of scope.</param>
/// <param name="NeedsClarification">True when the top entries are close or confidence is middling: ask "Did you mean…?".</param>
/// <param name="Answer">Exactly the text a user sees first (the passage(s) that answer the question); null when declined.</param>
/// <param name="EntryId">The chosen entry, or null when declined.</param>
/// <param name="Title">The chosen entry's main question.</param>
/// <param name="Section">The chosen entry's heading path joined with " › ".</param>
/// <param name="Link">Link to the chosen entry's section, if the article has a canonical URL.</param>
/// <param name="Confidence">Calibrated confidence of the chosen (or best, when declined) entry, 0 to 1.</param>
/// <param name="Alternatives">The top 3 entries with their confidences, best first.</param>
public sealed record AnswerResult(
    string Question,
    bool Answered,
    bool NeedsClarification,
    string? Answer,
    string? EntryId,
    string? Title,
    string? Section,
    string? Link,
    float Confidence,
    IReadOnlyList<AnswerAlternative> Alternatives);
