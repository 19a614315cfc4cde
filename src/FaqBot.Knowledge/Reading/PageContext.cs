using FaqBot.Knowledge.Extraction;

namespace FaqBot.Knowledge.Reading;

/// <summary>One page being read: where it sits in the articles folder, the run's options and shared snippets, its warnings.</summary>
internal sealed class PageContext
{
    public PageContext(string filePath, string sourcePath, string root, ExtractionOptions options, SnippetCache snippets)
    {
        FilePath = filePath;
        SourcePath = sourcePath.Replace('\\', '/');
        Root = Path.GetFullPath(root);
        Options = options;
        Snippets = snippets;
    }

    /// <summary>The page as the user named it (for messages).</summary>
    public string FilePath { get; }

    /// <summary>The page relative to the articles folder, with '/' separators.</summary>
    public string SourcePath { get; }

    /// <summary>Full path of the articles folder: includes resolve inside it, <c>~/</c> means it.</summary>
    public string Root { get; }

    public ExtractionOptions Options { get; }

    public SnippetCache Snippets { get; }

    public List<ExtractionWarning> Warnings { get; } = [];

    /// <summary>A page read on its own: its folder is the articles folder.</summary>
    public static PageContext Alone(string filePath, string sourcePath, ExtractionOptions? options = null) =>
        new(filePath, sourcePath, Path.GetDirectoryName(Path.GetFullPath(filePath)) ?? ".", options ?? ExtractionOptions.Default, new SnippetCache());

    public void Warn(int? line, string message) => Warnings.Add(new ExtractionWarning(FilePath, line, message));
}
