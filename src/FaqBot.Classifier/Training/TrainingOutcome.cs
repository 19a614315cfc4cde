using FaqBot.Classifier.Text;

namespace FaqBot.Classifier.Training;

/// <summary>A trained, calibrated model with what it was built from.</summary>
/// <param name="Model">The model with its metadata.</param>
/// <param name="Normalizer">The normaliser built for the knowledge base.</param>
/// <param name="Examples">The generated training examples.</param>
/// <param name="Calibration">How the thresholds were chosen.</param>
public sealed record TrainingOutcome(AnswerModel Model, QueryNormalizer Normalizer, IReadOnlyList<TrainingExample> Examples, Calibration Calibration);
