namespace FaqBot.Classifier.Training;

/// <summary>What is stored beside a model's files; a model is served only when all of it matches.</summary>
/// <param name="FormatVersion">Bumped when features or file layout change, so old models are rebuilt.</param>
/// <param name="KnowledgeBaseHash">Hash of the knowledge base and classifier data the model was trained on.</param>
/// <param name="ModelSha256">Hash of the scope model file, so a half-written or corrupt file is never loaded.</param>
/// <param name="VectorsSha256">Hash of the vectors file, likewise.</param>
/// <param name="TrainedAt">When it was trained.</param>
/// <param name="Seed">The seed of generation and training.</param>
/// <param name="Examples">Number of examples the scope model learnt from.</param>
/// <param name="Embedded">Texts embedded for this model (the rest came from the previous model's vectors).</param>
/// <param name="TrainingSeconds">Wall-clock training time.</param>
/// <param name="DeclineThreshold">Decline when the confidence is below it.</param>
/// <param name="ClarificationMargin">Ask "Did you mean…?" when the best entry leads the next by less than this.</param>
/// <param name="InScopeGeneric">
/// Generic out-of-scope questions as close to this knowledge base as its own questions (a cooking question against a
/// cooking article): neither learnt as out of scope nor compared with.
/// </param>
public sealed record ModelMetadata(
    int FormatVersion,
    string KnowledgeBaseHash,
    string ModelSha256,
    string VectorsSha256,
    DateTimeOffset TrainedAt,
    int Seed,
    int Examples,
    int Embedded,
    double TrainingSeconds,
    float DeclineThreshold,
    float ClarificationMargin,
    IReadOnlyList<string> InScopeGeneric);
