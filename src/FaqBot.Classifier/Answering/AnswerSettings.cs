namespace FaqBot.Classifier.Answering;

/// <summary>The thresholds an <see cref="Answerer"/> decides with.</summary>
/// <param name="DeclineThreshold">Decline when the in-scope probability (1 − P(out of scope)) is below this.</param>
/// <param name="ClarificationMargin">Flag "did you mean" when the top two entries' scores are closer than this.</param>
/// <param name="LexicalWeight">Weight of BM25 (relative to the best passage) against the classifier probability in the passage score.</param>
/// <param name="QuestionWeight">Weight of the match between the question and an entry's own questions and headings.</param>
/// <param name="MaxShownLength">Longest first answer (characters) made of the best passage plus the entry's next best one.</param>
/// <param name="AcceptQuestionMatch">Answer below the threshold when every word is the articles' and the question matches an entry's own question at least this well.</param>
/// <param name="DefinitionWeight">Bonus for a passage that defines the term a "what is X" question asks about.</param>
public sealed record AnswerSettings(
    float DeclineThreshold, float ClarificationMargin, float LexicalWeight = 4f, float QuestionWeight = 4f, int MaxShownLength = 800,
    float AcceptQuestionMatch = 0.6f,
    float DefinitionWeight = 1f);
