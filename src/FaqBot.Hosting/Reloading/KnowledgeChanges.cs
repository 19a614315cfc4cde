using System.Text.Json;
using FaqBot.Knowledge.Model;

namespace FaqBot.Hosting.Reloading;

/// <summary>Which entries an edit of the articles added, removed or changed (by entry id).</summary>
/// <param name="Added">Ids only in the new knowledge base.</param>
/// <param name="Removed">Ids only in the old one.</param>
/// <param name="Changed">Ids in both whose questions, answer, headings, link or passages differ (a moved line alone is no change).</param>
public sealed record KnowledgeChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Changed)
{
    /// <summary>True when no entry was added, removed or changed.</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;

    /// <summary>Compares two knowledge bases entry by entry.</summary>
    public static KnowledgeChanges Between(KnowledgeBase before, KnowledgeBase after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.Entries.ToDictionary(e => e.Id, Content, StringComparer.Ordinal);
        var now = after.Entries.ToDictionary(e => e.Id, Content, StringComparer.Ordinal);
        return new KnowledgeChanges(
            [.. now.Keys.Where(id => !old.ContainsKey(id)).Order(StringComparer.Ordinal)],
            [.. old.Keys.Where(id => !now.ContainsKey(id)).Order(StringComparer.Ordinal)],
            [.. now.Where(p => old.TryGetValue(p.Key, out var was) && was != p.Value).Select(p => p.Key).Order(StringComparer.Ordinal)]);
    }

    /// <summary>"2 added (a, b), 0 removed, 1 changed (c)".</summary>
    public override string ToString() =>
        $"{Describe(Added, "added")}, {Describe(Removed, "removed")}, {Describe(Changed, "changed")}";

    private static string Describe(IReadOnlyList<string> ids, string what) =>
        ids.Count == 0 ? $"0 {what}" : $"{ids.Count} {what} ({string.Join(", ", ids)})";

    // Everything a user can see or the model learns from; the line number is left out on purpose.
    private static string Content(FaqEntry entry) =>
        JsonSerializer.Serialize(new { entry.Kind, entry.Questions, entry.Answer, entry.HeadingPath, entry.Link, entry.Passages });
}
