namespace FaqBot.Knowledge.Model;

/// <summary>A block of an answer (paragraph, list, code, table or note): the unit the answer engine can show on its own.</summary>
/// <param name="Id">The entry id plus the passage's position, e.g. <c>...-p2</c>.</param>
/// <param name="Kind">The kind of block: paragraph, list, code, table or note.</param>
/// <param name="Markdown">The passage as Markdown, links kept.</param>
/// <param name="Text">The passage as plain text (Markdown and link targets removed), for matching.</param>
public sealed record Passage(string Id, PassageKind Kind, string Markdown, string Text);
