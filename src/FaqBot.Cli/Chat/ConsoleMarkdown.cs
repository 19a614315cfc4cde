using System.Globalization;
using System.Text.RegularExpressions;
using Spectre.Console;

namespace FaqBot.Cli.Chat;

/// <summary>Turns the bot's Markdown into Spectre.Console markup a terminal shows readably (bold, italics, links with their address, bullets).</summary>
public static partial class ConsoleMarkdown
{
    /// <summary>Spectre markup for <paramref name="markdown"/>; everything the user or article wrote is escaped.</summary>
    public static string ToMarkup(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = Markup.Escape(markdown.Replace("\r\n", "\n", StringComparison.Ordinal)).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var heading = Heading().Match(line);
            if (heading.Success)
            {
                lines[i] = $"[bold underline]{heading.Groups["text"].Value}[/]";
                continue;
            }

            // Links are set aside while emphasis is converted, so underscores in addresses are not read as italics.
            var links = new List<string>();
            line = Bullet().Replace(line, "${indent}  • ");
            line = Link().Replace(line, m =>
            {
                links.Add($"[blue]{m.Groups["text"].Value}[/] [dim]<{m.Groups["url"].Value}>[/]");
                return $"\u0001{links.Count - 1}\u0002";
            });
            line = Code().Replace(line, "[grey]${text}[/]");
            line = Bold().Replace(line, "[bold]${text}[/]");
            line = Italic().Replace(line, "[italic]${text}[/]");
            lines[i] = Placeholder().Replace(line, m => links[int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture)]);
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(?<text>.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?<indent>\s*)[*+-]\s+")]
    private static partial Regex Bullet();

    // After escaping, "[text](url)" reads "[[text]](url)".
    [GeneratedRegex(@"\[\[(?<text>[^\]]*)\]\]\((?<url>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex("\u0001(?<n>[0-9]+)\u0002")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"`(?<text>[^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"\*\*(?<text>[^*\n]+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![\w/])[_*](?=\S)(?<text>[^_*\n]+?)(?<=\S)[_*](?![\w/])")]
    private static partial Regex Italic();
}
