namespace FaqBot.Classifier.Training;

/// <summary>How the model is trained.</summary>
/// <param name="Seed">Generation and training seed: same seed, same model, same answers.</param>
/// <param name="MaxGeneratedQuestions">The most questions generated from a knowledge base (bounds training time).</param>
/// <param name="MaxNegatives">
/// The most generic out-of-scope questions learnt from and compared with (each is embedded once per model folder); above
/// the shipped file's size, so all of them are used: a sample leaves gaps that far-off questions fall into.
/// </param>
public sealed record TrainerSettings(int Seed = 1, int MaxGeneratedQuestions = 1500, int MaxNegatives = 2000);
