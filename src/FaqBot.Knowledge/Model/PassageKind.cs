namespace FaqBot.Knowledge.Model;

/// <summary>The Markdown block a passage came from.</summary>
public enum PassageKind
{
    /// <summary>A paragraph (or raw HTML reduced to its text); a very long one is split between sentences.</summary>
    Paragraph,

    /// <summary>A bulleted or numbered list, kept whole unless very long (then split between items).</summary>
    List,

    /// <summary>A code block, as fenced Markdown; its text is the code. Show it as code, never reflowed.</summary>
    Code,

    /// <summary>A pipe table, as Markdown; its text reads one row per line ("Header: cell; Header: cell").</summary>
    Table,

    /// <summary>A block quote, alert (<c>&gt; [!NOTE]</c>) or admonition (<c>!!! tip</c>), as a Markdown quote.</summary>
    Note,
}
