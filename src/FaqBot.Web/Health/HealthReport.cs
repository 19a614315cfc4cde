using FaqBot.Knowledge.Extraction;

namespace FaqBot.Web.Health;

/// <summary>The body of <c>GET /healthz</c>.</summary>
/// <param name="Status">
/// <c>ok</c>: a model serves every page; <c>degraded</c>: a model serves, but pages were skipped, the last reload
/// failed, the model could not be saved or feedback cannot be stored; <c>starting</c>: the first model is loading or training; <c>unavailable</c>: no model serves, see
/// <paramref name="LastReloadError"/>.
/// </param>
/// <param name="ModelLoaded">True once the answer engine has a trained model loaded.</param>
/// <param name="Entries">Knowledge-base entries being answered from.</param>
/// <param name="KnowledgeBaseHash">Hash of the knowledge base the model was trained on (equal on replicas serving the same articles).</param>
/// <param name="TrainedAt">When the serving model was trained.</param>
/// <param name="PagesSkipped">Article pages left out because they cannot be used: file (relative to the articles folder), line and reason.</param>
/// <param name="LastReloadError">Why the last load or reload of the articles failed, or null when it worked.</param>
/// <param name="LastReloadErrorAt">When it failed.</param>
/// <param name="ModelNotSaved">Why the serving model (trained at this start or reload) could not be written to the model folder, or null when it is stored.</param>
/// <param name="FeedbackError">Why the last attempt to open or write the feedback store failed, or null while it works.</param>
/// <param name="FeedbackErrorAt">When it failed.</param>
/// <param name="Version">The host's informational version.</param>
public sealed record HealthReport(
    string Status,
    bool ModelLoaded,
    int Entries,
    string? KnowledgeBaseHash,
    DateTimeOffset? TrainedAt,
    IReadOnlyList<SkippedPage> PagesSkipped,
    string? LastReloadError,
    DateTimeOffset? LastReloadErrorAt,
    string? ModelNotSaved,
    string? FeedbackError,
    DateTimeOffset? FeedbackErrorAt,
    string Version);
