namespace FaqBot.Benchmarks;

/// <summary>Copies of the bot-docs corpus cut to a number of pages, in a temporary folder (the corpus itself is read-only).</summary>
internal static class CorpusSample
{
    /// <summary>The corpus's articles folder, beside the repository.</summary>
    public static string Articles => Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "corpora", "bot-docs", "articles"));

    /// <summary>A temporary folder holding the first <paramref name="pages"/> pages and every include snippet.</summary>
    public static string Copy(int pages)
    {
        if (!Directory.Exists(Articles))
        {
            throw new DirectoryNotFoundException($"{Articles} not found; the extraction benchmark reads the bot-docs corpus from shared/corpora.");
        }

        var folder = Directory.CreateTempSubdirectory("faqbot-bench-docs-").FullName;
        var files = Directory.EnumerateFiles(Articles, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        bool IsSnippet(string f) => Path.GetRelativePath(Articles, f).Replace('\\', '/').Split('/').Contains("includes");
        foreach (var file in files.Where(IsSnippet).Concat(files.Where(f => !IsSnippet(f)).Take(pages)))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(Articles, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return folder;
    }
}
