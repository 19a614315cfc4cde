using FaqBot.Knowledge.Model;
using FaqBot.Knowledge.Reading;

namespace FaqBot.Knowledge.Extraction;

/// <summary>
/// Builds one knowledge base from a folder (read recursively) or a list of files. Snippets meant for inclusion (no heading,
/// or under an <c>includes/</c> folder) are not pages; a page that cannot be used is skipped, or fails the run when strict.
/// Entry ids are unique across the knowledge base: two articles with one title are told apart by their file.
/// </summary>
public static class KnowledgeExtractor
{
    private static readonly ExtractionOptions StrictDefaults = new() { Strict = true };

    /// <summary>Every <c>*.md</c> under <paramref name="articlesDirectory"/>, failing on the first unusable page.</summary>
    /// <exception cref="ArticleFormatException">The folder is missing or holds no articles, or an article is bad.</exception>
    public static KnowledgeBase ExtractDirectory(string articlesDirectory) => ExtractFolder(articlesDirectory, StrictDefaults).KnowledgeBase;

    /// <summary>
    /// The articles at <paramref name="paths"/> (files as given, folders searched for <c>*.md</c>), failing on the first unusable page.
    /// Source paths are recorded relative to <paramref name="articlesDirectory"/> when under it.
    /// </summary>
    /// <exception cref="ArticleFormatException">A path is missing, no articles were found, or an article is bad.</exception>
    public static KnowledgeBase Extract(IEnumerable<string> paths, string? articlesDirectory = null) =>
        ExtractPaths(paths, articlesDirectory, StrictDefaults).KnowledgeBase;

    /// <summary>Every <c>*.md</c> under <paramref name="articlesDirectory"/>: lenient unless <see cref="ExtractionOptions.Strict"/>.</summary>
    /// <exception cref="ArticleFormatException">Only when strict: the folder is missing or empty, or a page is unusable.</exception>
    public static ExtractionResult ExtractFolder(string articlesDirectory, ExtractionOptions? options = null) =>
        ExtractPaths([articlesDirectory], articlesDirectory, options);

    /// <summary>
    /// The pages at <paramref name="paths"/>: lenient (an unusable page is skipped with its reason, the rest is served) unless
    /// <see cref="ExtractionOptions.Strict"/>. Includes and relative links resolve inside <paramref name="articlesDirectory"/>.
    /// </summary>
    /// <exception cref="ArticleFormatException">Only when strict: a path is missing, no page was usable, or a page is unusable.</exception>
    public static ExtractionResult ExtractPaths(IEnumerable<string> paths, string? articlesDirectory, ExtractionOptions? options = null)
    {
        options ??= ExtractionOptions.Default;
        var run = new Run(articlesDirectory, options);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0)
                {
                    run.Fail(new ArticleFormatException(path, null, "holds no Markdown articles (*.md); add one or point to another folder."));
                }

                run.Files.AddRange(found);
            }
            else if (articlesDirectory is not null && path == articlesDirectory)
            {
                run.Fail(new ArticleFormatException(path, null, "folder not found; check Knowledge:ArticlesDirectory or --articles."));
            }
            else
            {
                // A missing file is reported by the reader, with its name.
                run.Files.Add(path);
            }
        }

        if (run.Files.Count == 0 && run.Skipped.Count == 0)
        {
            run.Fail(new ArticleFormatException(articlesDirectory ?? ".", null, "no articles were given."));
        }

        foreach (var file in run.Files.Distinct(StringComparer.Ordinal))
        {
            run.Read(file);
        }

        return run.Finish();
    }

    private sealed class Run(string? articlesDirectory, ExtractionOptions options)
    {
        private readonly SnippetCache _snippets = new();
        private readonly List<(string File, ParsedArticle Parsed)> _pages = [];
        private readonly List<string> _snippetFiles = [];
        private readonly List<ExtractionWarning> _warnings = [];

        public List<string> Files { get; } = [];

        public List<SkippedPage> Skipped { get; } = [];

        public void Fail(ArticleFormatException problem)
        {
            if (options.Strict)
            {
                throw problem;
            }

            Skipped.Add(new SkippedPage(problem.FilePath, problem.Line, problem.Problem));
        }

        public void Read(string file)
        {
            var sourcePath = SourcePathOf(file);
            if (IsNavigationOrSnippet(sourcePath))
            {
                _snippetFiles.Add(file);
                return;
            }

            var root = RootOf(file);
            var page = new PageContext(file, RelativeTo(root, file), root, options, _snippets);
            try
            {
                var parsed = ArticleParser.ParseUnlessSnippet(ArticleFile.Read(file, sourcePath, page));
                if (parsed is null)
                {
                    _snippetFiles.Add(file);
                    return;
                }

                _pages.Add((file, parsed));
                _warnings.AddRange(parsed.Warnings);
            }
            catch (ArticleFormatException ex)
            {
                Fail(ex);
            }
        }

        public ExtractionResult Finish()
        {
            var pages = WithUniqueArticleIds();
            if (pages.Count == 0 && options.Strict)
            {
                throw new ArticleFormatException(articlesDirectory ?? Files.FirstOrDefault() ?? ".", null,
                    "has no usable article (only snippets without headings); give at least one page '#' headings.");
            }

            var knowledgeBase = new KnowledgeBase([.. pages.Select(p => p.Parsed.Article)], SharedQuestions.Qualify([.. pages.SelectMany(p => p.Parsed.Entries)]));
            return new ExtractionResult(knowledgeBase, Skipped, _snippetFiles, _warnings) { LinksAsText = pages.Sum(p => p.Parsed.LinksAsText) };
        }

        // Two pages with one title ("Prerequisites", "Quickstart") are told apart by their file: every page of such a group
        // takes an id from its path, so neither depends on which was read first.
        private List<(string File, ParsedArticle Parsed)> WithUniqueArticleIds()
        {
            var renamed = _pages.GroupBy(p => p.Parsed.Article.Id, StringComparer.Ordinal)
                .SelectMany(g => g.Count() == 1 ? g : g.Select(p => (p.File, Parsed: Renamed(p.Parsed, FileId(p.Parsed.Article.SourcePath)))))
                .ToDictionary(p => p.File, StringComparer.Ordinal);
            var kept = new List<(string File, ParsedArticle Parsed)>();
            var owners = new Dictionary<string, (string File, int Line)>(StringComparer.Ordinal);
            foreach (var (file, _) in _pages)
            {
                var parsed = renamed[file].Parsed;
                var clash = parsed.Entries.FirstOrDefault(e => owners.ContainsKey(e.Id));
                if (clash is not null)
                {
                    var owner = owners[clash.Id];
                    Fail(new ArticleFormatException(file, clash.Line,
                        $"entry id '{clash.Id}' is already used by {owner.File}:{owner.Line}; give one of the pages another title."));
                    continue;
                }

                parsed.Entries.ToList().ForEach(e => owners[e.Id] = (file, e.Line));
                kept.Add((file, parsed));
            }

            return kept;
        }

        private static string FileId(string sourcePath)
        {
            var withoutExtension = sourcePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? sourcePath[..^3] : sourcePath;
            return Slug.From(withoutExtension);
        }

        private static ParsedArticle Renamed(ParsedArticle parsed, string id)
        {
            var old = parsed.Article.Id;
            string Swap(string value) => id + value[old.Length..];
            var entries = parsed.Entries.Select(e => e with
            {
                Id = Swap(e.Id),
                ArticleId = id,
                Passages = [.. e.Passages.Select(p => p with { Id = Swap(p.Id) })],
            }).ToList();
            return parsed with { Article = parsed.Article with { Id = id }, Entries = entries };
        }

        private static bool IsNavigationOrSnippet(string sourcePath)
        {
            var segments = sourcePath.Split('/');
            return segments[..^1].Any(s => s.Equals("includes", StringComparison.OrdinalIgnoreCase) || s.Equals("_includes", StringComparison.OrdinalIgnoreCase))
                || segments[^1].Equals("toc.md", StringComparison.OrdinalIgnoreCase);
        }

        private string RootOf(string file)
        {
            if (articlesDirectory is not null && IsUnder(articlesDirectory, file))
            {
                return articlesDirectory;
            }

            return Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        }

        private string SourcePathOf(string file) =>
            articlesDirectory is not null && IsUnder(articlesDirectory, file) ? RelativeTo(articlesDirectory, file) : file.Replace('\\', '/');

        private static bool IsUnder(string directory, string file)
        {
            var relative = Path.GetRelativePath(Path.GetFullPath(directory), Path.GetFullPath(file));
            return !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
        }

        private static string RelativeTo(string directory, string file) =>
            Path.GetRelativePath(Path.GetFullPath(directory), Path.GetFullPath(file)).Replace('\\', '/');
    }
}
