namespace FaqBot.Classifier.Answering;

/// <summary>How one passage scored for a question.</summary>
/// <param name="Label">The passage's class label (passage id).</param>
/// <param name="Classifier">Its classifier probability, normalised by the in-scope probability.</param>
/// <param name="Lexical">Its BM25 against the question, relative to the best passage's.</param>
/// <param name="QuestionMatch">How well the question matches its entry's own questions and headings.</param>
/// <param name="Combined">The weighted sum the passage is ranked by.</param>
public sealed record PassageScore(string Label, double Classifier, double Lexical, double QuestionMatch, double Combined);
