using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace FaqBot.Knowledge.Extraction;

/// <summary>The Markdig pipeline every article is parsed with: built once, immutable, shared.</summary>
internal static class KnowledgePipeline
{
    /// <summary>GitHub-style heading anchors (for section links), pipe tables, and exact source spans (to slice answers).</summary>
    public static MarkdownPipeline Instance { get; } = new MarkdownPipelineBuilder()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .UsePreciseSourceLocation()
        .Build();
}
