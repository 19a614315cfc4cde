using FaqBot.Knowledge.Model;

namespace FaqBot.Knowledge.Extraction;

/// <summary>One piece of an answer's Markdown; a passage too when <paramref name="Kind"/> is set.</summary>
/// <param name="Markdown">The Markdown, sliced from the article as written.</param>
/// <param name="Kind">Paragraph or list; null for pieces that are shown but not passages (code, tables, sub-headings).</param>
internal sealed record AnswerPart(string Markdown, PassageKind? Kind)
{
    /// <summary>True for a sub-heading shown in bold inside its section's answer.</summary>
    public bool IsSubheading { get; init; }
}
