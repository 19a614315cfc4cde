using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FaqBot.Knowledge.Reading;

/// <summary>Finds the front matter at the top of an article (YAML between '---', or Hugo's TOML between '+++'), parses it and blanks its lines.</summary>
internal static class FrontMatterReader
{
    /// <summary>Parses front matter starting at the first non-blank line, if any, and blanks it (line count kept).</summary>
    public static FrontMatter ReadAndBlank(string filePath, string[] lines)
    {
        var start = Array.FindIndex(lines, l => l.Trim().Length > 0);
        var opening = start < 0 ? string.Empty : lines[start].TrimEnd();
        if (opening is not ("---" or "+++"))
        {
            return FrontMatter.None;
        }

        var end = -1;
        for (var i = start + 1; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimEnd();
            if (trimmed == opening || (opening == "---" && trimmed == "..."))
            {
                end = i;
                break;
            }
        }

        if (end < 0)
        {
            throw new ArticleFormatException(filePath, start + 1, $"front matter starts with '{opening}' here but is never closed; end it with a line of '{opening}'.");
        }

        var text = string.Join('\n', lines[(start + 1)..end]);
        var frontMatter = opening == "+++" ? TomlFrontMatter.Parse(text) : Parse(filePath, text, firstLine: start + 2);
        for (var i = start; i <= end; i++)
        {
            lines[i] = string.Empty;
        }

        return frontMatter;
    }

    private static FrontMatter Parse(string filePath, string yaml, int firstLine)
    {
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return FrontMatter.None;
        }

        YamlStream stream = [];
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            var line = firstLine + (int)Math.Max(0, ex.Start.Line - 1);
            throw new ArticleFormatException(filePath, line, $"front matter is not valid YAML: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet throws these instead of a YamlException on some malformed input (found by the property test).
            throw new ArticleFormatException(filePath, firstLine, "front matter is not valid YAML; check its indentation and quoting.", ex);
        }

        if (stream.Documents.Count == 0)
        {
            return FrontMatter.None;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ArticleFormatException(filePath, firstLine, "front matter must be a YAML mapping of 'key: value' lines (title, excerpt, category, tags, canonical).");
        }

        var metadata = Child(root, "metadata") as YamlMappingNode;
        return new FrontMatter(
            Title: Scalar(root, "title"),
            Excerpt: Scalar(root, "excerpt") ?? Scalar(root, "description") ?? Scalar(root, "summary"),
            Category: Scalar(root, "category"),
            Tags: Tags(Child(root, "tags")),
            CanonicalUrl: Canonical(root) ?? (metadata is null ? null : Canonical(metadata)));
    }

    private static string? Canonical(YamlMappingNode node) =>
        FrontMatter.CanonicalKeys.Select(key => Scalar(node, key)).FirstOrDefault(value => value is not null);

    private static YamlNode? Child(YamlMappingNode node, string key)
    {
        foreach (var pair in node.Children)
        {
            if (pair.Key is YamlScalarNode { Value: { } name } && string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value;
            }
        }

        return null;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        Child(node, key) is YamlScalarNode { Value: { } value } && value.Trim().Length > 0 ? value.Trim() : null;

    private static List<string> Tags(YamlNode? node) => node switch
    {
        YamlSequenceNode sequence => [.. sequence.Children.OfType<YamlScalarNode>()
            .Select(s => s.Value?.Trim() ?? string.Empty).Where(s => s.Length > 0)],
        YamlScalarNode { Value: { } value } => [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
        _ => [],
    };
}
