using System.Text;
using System.Text.RegularExpressions;
using FaqBot.Knowledge.Extraction;

namespace FaqBot.Knowledge.Serialization;

/// <summary>
/// Turns QnA Maker pairs into Markdown articles FaqBot reads back: one article per source, its pairs as an FAQ of
/// <c>Q:</c> lines (alternative phrasings as further <c>Q:</c> lines) and <c>A:</c> answers. A source that is a web
/// address becomes the article's canonical URL.
/// </summary>
public static partial class QnaMakerArticles
{
    /// <summary>File name (e.g. <c>how-to-deep-clean-pores.md</c>) and Markdown of each article, in the order sources first appear.</summary>
    public static IReadOnlyList<(string FileName, string Markdown)> Write(IReadOnlyList<QnaPair> pairs)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var articles = new List<(string, string)>();
        foreach (var group in pairs.GroupBy(p => p.Source, StringComparer.Ordinal))
        {
            var title = TitleOf(group.Key);
            var name = Slug.From(title) is { Length: > 0 } slug ? slug : "imported-faq";
            for (var n = 2; !names.Add(name); n++)
            {
                name = $"{Slug.From(title)}-{n}";
            }

            articles.Add(($"{name}.md", Article(title, group.Key, group)));
        }

        return articles;
    }

    private static string Article(string title, string source, IEnumerable<QnaPair> pairs)
    {
        var builder = new StringBuilder().Append("---\n").Append("title: ").Append(Yaml(title)).Append('\n');
        if (Uri.TryCreate(source, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            builder.Append("canonical: ").Append(Yaml(source)).Append('\n');
        }

        builder.Append("---\n\n# ").Append(title).Append("\n\n## FAQ\n\n");
        foreach (var pair in pairs)
        {
            foreach (var question in pair.Questions)
            {
                builder.Append("Q: ").Append(Escape(question.ReplaceLineEndings(" "))).Append('\n');
            }

            // An answer that opens with a list, code or table starts on its own line, or "A: " would break it.
            var answer = pair.Answer.ReplaceLineEndings("\n");
            builder.Append(PlainOpening().IsMatch(answer) ? $"A: {answer}\n\n" : $"A:\n\n{answer}\n\n");
        }

        return builder.ToString().TrimEnd('\n') + "\n";
    }

    // "https://example.com/help/how-to-deep-clean-pores" → "How to deep clean pores"; "faq.docx" → "Faq".
    private static string TitleOf(string source)
    {
        var name = Uri.TryCreate(source, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url.Segments.Select(s => s.Trim('/')).LastOrDefault(s => s.Length > 0) ?? url.Host
            : Path.GetFileNameWithoutExtension(source);
        var words = Uri.UnescapeDataString(name ?? string.Empty).Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? "Imported FAQ" : char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static string Yaml(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    // Markdown that would change the question's text when read back (emphasis, links, code, entities) is escaped.
    private static string Escape(string question) => MarkdownPunctuation().Replace(question, @"\$0");

    [GeneratedRegex(@"[\\`*_\[\]<>&|~]")]
    private static partial Regex MarkdownPunctuation();

    // An opening line that reads as plain paragraph text after "A: ".
    [GeneratedRegex(@"^(?![ \t]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#|>|```|~~~|\||<|    |\t))[^\n]")]
    private static partial Regex PlainOpening();
}
