using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace FaqBot.Knowledge.Extraction;

/// <summary>A Markdown table as readable lines, one per row: "Property: Type; Description: type of the entity".</summary>
internal static class TableText
{
    public static string Of(string markdown)
    {
        var table = Markdown.Parse(markdown, KnowledgePipeline.Instance).Descendants<Table>().FirstOrDefault();
        if (table is null)
        {
            return PlainText.Of(markdown);
        }

        var rows = table.OfType<TableRow>().ToList();
        var header = rows.FirstOrDefault(r => r.IsHeader);
        var names = header?.OfType<TableCell>().Select(CellText).ToList() ?? [];
        var lines = new List<string>();
        foreach (var row in rows.Where(r => !r.IsHeader))
        {
            var cells = row.OfType<TableCell>().Select(CellText).ToList();
            var pairs = cells.Select((cell, i) => i < names.Count && names[i].Length > 0 ? $"{names[i]}: {cell}" : cell)
                .Where((pair, i) => cells[i].Length > 0);
            lines.Add(string.Join("; ", pairs));
        }

        return string.Join('\n', lines.Where(l => l.Length > 0));
    }

    private static string CellText(TableCell cell) =>
        string.Join(' ', cell.OfType<LeafBlock>().Select(b => PlainText.Of(b.Inline))).Trim();
}
