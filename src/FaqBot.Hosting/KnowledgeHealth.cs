namespace FaqBot.Hosting;

/// <summary>How well the host serves its articles, as <c>/healthz</c> reports it.</summary>
public enum KnowledgeHealth
{
    /// <summary>The first model is being loaded or trained; nothing failed yet.</summary>
    Starting,

    /// <summary>A model is serving every page, and the last reload worked.</summary>
    Ok,

    /// <summary>A model is serving, but pages were skipped or the last reload failed (the previous model still serves).</summary>
    Degraded,

    /// <summary>No model is serving: the articles could not be used at all.</summary>
    Unavailable,
}
