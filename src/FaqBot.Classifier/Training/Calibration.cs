namespace FaqBot.Classifier.Training;

/// <summary>Thresholds chosen on held-out questions and how well they separated them.</summary>
/// <param name="DeclineThreshold">In-scope probability below which a question is declined.</param>
/// <param name="ClarificationMargin">Top-2 gap below which "did you mean" is offered.</param>
/// <param name="WeightedAccuracy">Held-out accuracy at the threshold, in-scope acceptance and out-of-scope rejection weighted 3:1.</param>
/// <param name="HeldOutQuestions">How many questions it was chosen on.</param>
public sealed record Calibration(float DeclineThreshold, float ClarificationMargin, double WeightedAccuracy, int HeldOutQuestions);
