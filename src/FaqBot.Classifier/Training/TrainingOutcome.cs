using FaqBot.Classifier.Answering;

namespace FaqBot.Classifier.Training;

/// <summary>A trained model and the answerer serving it.</summary>
/// <param name="Model">The model with its metadata.</param>
/// <param name="Answerer">Answers from it with the model's thresholds.</param>
/// <param name="GeneratedQuestions">The questions generated from the articles.</param>
public sealed record TrainingOutcome(AnswerModel Model, Answerer Answerer, IReadOnlyList<string> GeneratedQuestions);
