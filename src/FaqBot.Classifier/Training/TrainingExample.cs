namespace FaqBot.Classifier.Training;

/// <summary>One generated training example.</summary>
/// <param name="Text">The example as a user might type it (normalised later).</param>
/// <param name="Label">A passage id, or <see cref="AnswerLabels.OutOfScope"/>.</param>
/// <param name="Source">What it was generated from (question, heading, sentence, fragment, negative), for reports.</param>
public sealed record TrainingExample(string Text, string Label, string Source);
