using System.Globalization;
using FaqBot.Knowledge.Extraction;

namespace FaqBot.Cli.Commands;

/// <summary>What <c>extract</c> (and every command that reads the articles) says about a folder: warnings, skipped pages, totals.</summary>
internal static class ExtractionSummary
{
    public static async Task WriteAsync(ExtractionResult result, TextWriter stderr)
    {
        foreach (var warning in result.Warnings)
        {
            await stderr.WriteLineAsync($"warning: {warning}");
        }

        foreach (var skipped in result.Skipped)
        {
            await stderr.WriteLineAsync($"skipped: {skipped}");
        }

        if (result.LinksAsText > 0)
        {
            await stderr.WriteLineAsync($"note: {result.LinksAsText:N0} relative link(s) are shown as plain text; set Knowledge:BaseUrl (or --base-url) to keep them as links.");
        }

        await stderr.WriteLineAsync(Line(result));
    }

    /// <summary>"extract: 235 pages used, 65 snippets not served on their own, 0 skipped; 2,345 entries, 9,876 passages".</summary>
    public static string Line(ExtractionResult result) => string.Create(CultureInfo.InvariantCulture,
        $"extract: {result.PagesUsed:N0} page(s) used, {result.Snippets.Count:N0} snippet(s) not served on their own, "
        + $"{result.Skipped.Count:N0} skipped; {result.KnowledgeBase.Entries.Count:N0} entries, {result.PassageCount:N0} passages");
}
