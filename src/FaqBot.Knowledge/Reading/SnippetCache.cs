namespace FaqBot.Knowledge.Reading;

/// <summary>Include snippets read once per run (one snippet is often pulled into a hundred pages).</summary>
internal sealed class SnippetCache
{
    private readonly Dictionary<string, (string[]? Lines, string? Problem)> _files = new(StringComparer.Ordinal);

    /// <summary>Full paths of the snippets some page included.</summary>
    public HashSet<string> Included { get; } = new(StringComparer.Ordinal);

    /// <summary>The snippet's lines without front matter, or the reason it cannot be read.</summary>
    public (string[]? Lines, string? Problem) Read(string fullPath)
    {
        if (!_files.TryGetValue(fullPath, out var cached))
        {
            cached = Load(fullPath);
            _files[fullPath] = cached;
        }

        Included.Add(fullPath);
        return cached;
    }

    private static (string[]? Lines, string? Problem) Load(string fullPath)
    {
        try
        {
            var lines = ArticleFile.ReadText(fullPath).Split('\n');
            return (WithoutFrontMatter(lines), null);
        }
        catch (ArticleFormatException ex)
        {
            return (null, ex.Problem);
        }
    }

    private static string[] WithoutFrontMatter(string[] lines)
    {
        var start = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (start < 0 || lines[start].TrimEnd() != "---")
        {
            return lines;
        }

        for (var i = start + 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() is "---" or "...")
            {
                return lines[(i + 1)..];
            }
        }

        return lines;
    }
}
