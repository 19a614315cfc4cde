namespace FaqBot.Knowledge.Model;

/// <summary>A paragraph or list block of an answer: the unit the answer engine can show on its own.</summary>
/// <param name="Id">The entry id plus the passage's position, e.g. <c>...-p2</c>.</param>
/// <param name="Kind">Paragraph or list.</param>
/// <param name="Markdown">The passage as Markdown, links kept.</param>
/// <param name="Text">The passage as plain text (Markdown and link targets removed), for matching.</param>
public sealed record Passage(string Id, PassageKind Kind, string Markdown, string Text);
