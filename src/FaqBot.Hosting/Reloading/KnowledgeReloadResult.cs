namespace FaqBot.Hosting.Reloading;

/// <summary>What one reload attempt did.</summary>
/// <param name="Swapped">True when a new model now serves.</param>
/// <param name="Changes">Entries added, removed, changed (empty when the articles could not be read).</param>
/// <param name="Error">Why the current model was kept, or null.</param>
public sealed record KnowledgeReloadResult(bool Swapped, KnowledgeChanges Changes, string? Error);
