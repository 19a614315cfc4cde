using FaqBot.Classifier.Answering;
using FaqBot.Classifier.Training;

namespace FaqBot.Classifier.Evaluation;

/// <summary>One evaluated question.</summary>
/// <param name="Question">The labelled question.</param>
/// <param name="Result">What the engine answered.</param>
/// <param name="Correct">Declined when out of scope; else answered with the expected fact in the shown text (or, without a fact, the expected entry).</param>
public sealed record EvaluatedQuestion(LabelledQuestion Question, AnswerOutcome Result, bool Correct);
