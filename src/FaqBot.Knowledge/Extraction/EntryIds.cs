namespace FaqBot.Knowledge.Extraction;

/// <summary>
/// Makes an article's entry ids unique and stable: an entry keeps <c>{article}--{slug}</c> while no other entry has that
/// slug; entries that share one are all named by their heading path (<c>{article}--{parent}--{slug}</c>), so moving one
/// never renames the other; entries whose paths are the same too are numbered in reading order.
/// </summary>
internal static class EntryIds
{
    /// <summary>The ids, one per candidate, in the same order.</summary>
    public static string[] Assign(string articleId, IReadOnlyList<(string Slug, IReadOnlyList<string> HeadingPath)> candidates)
    {
        var ids = new string[candidates.Count];
        var groups = Enumerable.Range(0, candidates.Count).GroupBy(i => candidates[i].Slug, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var members = group.ToList();
            foreach (var i in members)
            {
                ids[i] = members.Count == 1 || i == members[0] && candidates[i].Slug == "overview" && candidates[i].HeadingPath.Count <= 1
                    ? $"{articleId}--{candidates[i].Slug}"
                    : $"{articleId}--{Qualified(candidates[i])}";
            }
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            var id = ids[i];
            for (var n = 2; !used.Add(id); n++)
            {
                id = $"{ids[i]}-{n}";
            }

            ids[i] = id;
        }

        return ids;
    }

    private static string Qualified((string Slug, IReadOnlyList<string> HeadingPath) candidate)
    {
        var parts = candidate.HeadingPath.Skip(1).Select(Slug.From).Where(s => s.Length > 0).ToList();
        if (parts.Count == 0 || parts[^1] != candidate.Slug)
        {
            parts.Add(candidate.Slug);
        }

        return string.Join("--", parts);
    }
}
