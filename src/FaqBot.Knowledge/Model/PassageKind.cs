namespace FaqBot.Knowledge.Model;

/// <summary>The Markdown block a passage came from.</summary>
public enum PassageKind
{
    /// <summary>A paragraph.</summary>
    Paragraph,

    /// <summary>A bulleted or numbered list, kept whole.</summary>
    List,
}
