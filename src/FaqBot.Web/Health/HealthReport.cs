namespace FaqBot.Web.Health;

/// <summary>The body of <c>GET /healthz</c>.</summary>
/// <param name="Status"><c>ok</c> when a model is serving answers, otherwise <c>unavailable</c>.</param>
/// <param name="ModelLoaded">True once the answer engine has a trained model loaded.</param>
/// <param name="Entries">Knowledge-base entries being answered from.</param>
/// <param name="KnowledgeBaseHash">Hash of the knowledge base the model was trained on.</param>
/// <param name="TrainedAt">When the serving model was trained.</param>
/// <param name="Version">The host's informational version.</param>
public sealed record HealthReport(
    string Status,
    bool ModelLoaded,
    int Entries,
    string? KnowledgeBaseHash,
    DateTimeOffset? TrainedAt,
    string Version);
