namespace FaqBot.Classifier.Training;

/// <summary>What is stored beside a model file; a model is served only when all of it matches.</summary>
/// <param name="FormatVersion">Bumped when the featuriser or file layout changes, so old models are rebuilt.</param>
/// <param name="KnowledgeBaseHash">Hash of the knowledge base and classifier data the model was trained on.</param>
/// <param name="ModelSha256">Hash of the model file, so a half-written or corrupt file is never loaded.</param>
/// <param name="TrainedAt">When it was trained.</param>
/// <param name="Seed">The ML seed.</param>
/// <param name="Examples">Number of training examples.</param>
/// <param name="Classes">Number of classes, out-of-scope included.</param>
/// <param name="TrainingSeconds">Wall-clock training time.</param>
/// <param name="DeclineThreshold">Calibrated: decline when the in-scope probability is below it.</param>
/// <param name="ClarificationMargin">Calibrated: ask "did you mean" when the top two entries are closer than it.</param>
public sealed record ModelMetadata(
    int FormatVersion,
    string KnowledgeBaseHash,
    string ModelSha256,
    DateTimeOffset TrainedAt,
    int Seed,
    int Examples,
    int Classes,
    double TrainingSeconds,
    float DeclineThreshold,
    float ClarificationMargin);
