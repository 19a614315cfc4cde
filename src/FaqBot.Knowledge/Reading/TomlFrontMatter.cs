using System.Text.RegularExpressions;

namespace FaqBot.Knowledge.Reading;

/// <summary>
/// Reads the few fields FaqBot uses from Hugo's TOML front matter (<c>+++</c>): top-level <c>key = "value"</c> strings and
/// string arrays. Tables and other values are ignored rather than rejected, since they carry nothing FaqBot shows.
/// </summary>
internal static partial class TomlFrontMatter
{
    public static FrontMatter Parse(string toml)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var arrays = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in toml.Split('\n'))
        {
            if (line.TrimStart().StartsWith('['))
            {
                // A [table] starts: what follows belongs to it, not to the page.
                break;
            }

            var pair = Pair().Match(line);
            if (!pair.Success)
            {
                continue;
            }

            var key = pair.Groups["key"].Value;
            var value = pair.Groups["value"].Value.Trim();
            if (value.StartsWith('['))
            {
                arrays[key] = [.. Quoted().Matches(value).Select(m => Unquote(m.Value)).Where(v => v.Length > 0)];
            }
            else if (value.Length > 0)
            {
                values[key] = Unquote(value);
            }
        }

        string? Get(params string[] keys) => keys.Select(k => values.GetValueOrDefault(k)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
        return new FrontMatter(
            Title: Get("title"),
            Excerpt: Get("excerpt", "description", "summary"),
            Category: Get("category") ?? arrays.GetValueOrDefault("categories")?.FirstOrDefault(),
            Tags: arrays.GetValueOrDefault("tags") ?? [],
            CanonicalUrl: Get([.. FrontMatter.CanonicalKeys]));
    }

    private static string Unquote(string value)
    {
        value = value.Trim();
        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
        {
            value = value[1..^1];
            return value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        }

        var comment = value.IndexOf(" #", StringComparison.Ordinal);
        return comment >= 0 ? value[..comment].Trim() : value;
    }

    [GeneratedRegex(@"^[ \t]*(?<key>[\w-]+)[ \t]*=[ \t]*(?<value>.*)$")]
    private static partial Regex Pair();

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|'[^']*'")]
    private static partial Regex Quoted();
}
