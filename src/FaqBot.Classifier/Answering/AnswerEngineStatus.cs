namespace FaqBot.Classifier.Answering;

/// <summary>What an engine has loaded, for <c>/healthz</c> and logs.</summary>
/// <param name="ModelLoaded">True once a trained model is serving.</param>
/// <param name="Entries">Entries in the knowledge base being served.</param>
/// <param name="KnowledgeBaseHash">Hash of the knowledge base the model was trained on.</param>
/// <param name="TrainedAt">When the serving model was trained.</param>
public sealed record AnswerEngineStatus(bool ModelLoaded, int Entries, string KnowledgeBaseHash, DateTimeOffset? TrainedAt);
