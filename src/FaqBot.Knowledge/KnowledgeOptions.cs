namespace FaqBot.Knowledge;

/// <summary>The <c>Knowledge</c> configuration section.</summary>
public sealed class KnowledgeOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Knowledge";

    /// <summary>Folder holding the Markdown articles, relative to the content root unless absolute.</summary>
    public string ArticlesDirectory { get; set; } = "data/articles";
}
