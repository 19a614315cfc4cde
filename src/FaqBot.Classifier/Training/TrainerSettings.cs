namespace FaqBot.Classifier.Training;

/// <summary>How the classifier is trained.</summary>
/// <param name="Seed">ML and generation seed: same seed, same model, same answers.</param>
/// <param name="OutOfScopeShare">Total weight of the out-of-scope class relative to all in-scope classes together.</param>
/// <param name="L2">L2 regularisation of the maximum-entropy trainer.</param>
/// <param name="FragmentsPerSentence">Short fragments generated per sentence.</param>
/// <param name="NoisyFragmentShare">Share of fragments also trained with one stray out-of-vocabulary word.</param>
public sealed record TrainerSettings(
    int Seed = 1, float OutOfScopeShare = 0.3f, float L2 = 0.1f, int FragmentsPerSentence = 2, double NoisyFragmentShare = 0.6);
