using Markdig.Syntax;

namespace FaqBot.Knowledge.Extraction;

/// <summary>A heading and what belongs to it: the blocks up to its first sub-heading, then its sub-sections.</summary>
internal sealed class SectionNode(HeadingBlock? heading, string text, string? anchor, int line, bool isQuestion)
{
    /// <summary>The heading, or null for the document root.</summary>
    public HeadingBlock? Heading { get; } = heading;

    /// <summary>The heading as plain text.</summary>
    public string Text { get; } = text;

    /// <summary>The heading's anchor as GitHub would make it.</summary>
    public string? Anchor { get; } = anchor;

    /// <summary>Heading level; 0 for the root.</summary>
    public int Level => Heading?.Level ?? 0;

    /// <summary>1-based line of the heading in the original file.</summary>
    public int Line { get; } = line;

    /// <summary>The blocks between the heading and its first sub-heading.</summary>
    public List<Block> Blocks { get; } = [];

    /// <summary>Sub-sections, in order.</summary>
    public List<SectionNode> Children { get; } = [];

    /// <summary>True when the heading is itself a question ("How often should I exfoliate?", or a collapsible question block).</summary>
    public bool IsQuestion { get; } = heading is not null && (isQuestion || text.EndsWith('?'));
}
