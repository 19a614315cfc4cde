using FaqBot.Knowledge.Extraction;

namespace FaqBot.Hosting;

/// <summary>What the host knows about the articles it serves, for <c>/healthz</c> and the log.</summary>
/// <param name="Ready">True once an answer engine is serving.</param>
/// <param name="SkippedPages">Pages left out of the knowledge base being served, relative to the articles folder.</param>
/// <param name="LastError">Why the last load or reload failed, or null when it worked.</param>
/// <param name="LastErrorAt">When it failed.</param>
public sealed record KnowledgeStatus(bool Ready, IReadOnlyList<SkippedPage> SkippedPages, string? LastError, DateTimeOffset? LastErrorAt)
{
    /// <summary>
    /// Why the model being served was trained but could not be written to the model folder (it serves from memory and is
    /// trained again at the next start), or null when it is stored.
    /// </summary>
    public string? ModelNotSaved { get; init; }

    /// <summary>The status before the first load finished.</summary>
    public static KnowledgeStatus Starting { get; } = new(false, [], null, null);

    /// <summary>Starting, ok, degraded or unavailable.</summary>
    public KnowledgeHealth Health => (Ready, Problem: LastError is not null || SkippedPages.Count > 0 || ModelNotSaved is not null) switch
    {
        (true, false) => KnowledgeHealth.Ok,
        (true, true) => KnowledgeHealth.Degraded,
        (false, _) when LastError is not null => KnowledgeHealth.Unavailable,
        _ => KnowledgeHealth.Starting,
    };
}
