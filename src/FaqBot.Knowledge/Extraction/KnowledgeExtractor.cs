using FaqBot.Knowledge.Model;

namespace FaqBot.Knowledge.Extraction;

/// <summary>Builds one knowledge base from many articles, checking that entry ids are unique across all of them.</summary>
public static class KnowledgeExtractor
{
    /// <summary>Every <c>*.md</c> under <paramref name="articlesDirectory"/> (recursively, in ordinal path order).</summary>
    /// <exception cref="ArticleFormatException">The folder is missing or holds no articles, or an article is bad.</exception>
    public static KnowledgeBase ExtractDirectory(string articlesDirectory) => Extract([articlesDirectory], articlesDirectory);

    /// <summary>
    /// The articles at <paramref name="paths"/>: files as given, folders searched for <c>*.md</c>.
    /// Source paths are recorded relative to <paramref name="articlesDirectory"/> when under it.
    /// </summary>
    /// <exception cref="ArticleFormatException">A path is missing, no articles were found, an article is bad, or two entries share an id.</exception>
    public static KnowledgeBase Extract(IEnumerable<string> paths, string? articlesDirectory = null)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*.md", SearchOption.AllDirectories)
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0)
                {
                    throw new ArticleFormatException(path, null, "holds no Markdown articles (*.md); add one or point to another folder.");
                }

                files.AddRange(found);
            }
            else
            {
                // A missing file is reported by the reader, with its name.
                files.Add(path);
            }
        }

        if (files.Count == 0)
        {
            throw new ArticleFormatException(articlesDirectory ?? ".", null, "no articles were given.");
        }

        var articles = new List<Article>();
        var entries = new List<FaqEntry>();
        var owners = new Dictionary<string, (string File, int Line)>(StringComparer.Ordinal);
        foreach (var file in files.Distinct(StringComparer.Ordinal))
        {
            var parsed = ArticleParser.ParseFile(file, SourcePathOf(file, articlesDirectory));
            foreach (var entry in parsed.Entries)
            {
                if (owners.TryGetValue(entry.Id, out var owner))
                {
                    throw new ArticleFormatException(file, entry.Line,
                        $"entry id '{entry.Id}' is already used by {owner.File}:{owner.Line}; two articles with the same title or question collide. Rename one.");
                }

                owners[entry.Id] = (file, entry.Line);
            }

            articles.Add(parsed.Article);
            entries.AddRange(parsed.Entries);
        }

        return new KnowledgeBase(articles, entries);
    }

    private static string SourcePathOf(string file, string? articlesDirectory)
    {
        if (articlesDirectory is not null)
        {
            var relative = Path.GetRelativePath(Path.GetFullPath(articlesDirectory), Path.GetFullPath(file));
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                return relative.Replace('\\', '/');
            }
        }

        return file.Replace('\\', '/');
    }
}
