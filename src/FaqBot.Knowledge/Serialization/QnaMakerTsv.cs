using System.Text;
using FaqBot.Knowledge.Model;

namespace FaqBot.Knowledge.Serialization;

/// <summary>
/// Writes question/answer pairs in QnA Maker's TSV layout (Question, Answer, Source, Metadata) so content can move
/// between the two: one row per question phrasing; newlines inside a field written as the two characters <c>\n</c>,
/// tabs as a space; metadata as <c>key:value</c> pairs joined by <c>|</c>.
/// </summary>
public static class QnaMakerTsv
{
    /// <summary>The header row QnA Maker expects.</summary>
    public const string Header = "Question\tAnswer\tSource\tMetadata";

    /// <summary>The knowledge base as TSV text, header first, each row ending in a newline.</summary>
    public static string Write(KnowledgeBase knowledgeBase)
    {
        var articles = knowledgeBase.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var builder = new StringBuilder().Append(Header).Append('\n');
        foreach (var entry in knowledgeBase.Entries)
        {
            articles.TryGetValue(entry.ArticleId, out var article);
            var source = article?.CanonicalUrl ?? article?.SourcePath ?? entry.ArticleId;
            var metadata = $"article:{MetadataValue(entry.ArticleId)}|kind:{entry.Kind.ToString().ToLowerInvariant()}";
            var answer = Field(entry.Answer);
            foreach (var question in entry.Questions)
            {
                builder.Append(Field(question)).Append('\t')
                    .Append(answer).Append('\t')
                    .Append(Field(source)).Append('\t')
                    .Append(metadata).Append('\n');
            }
        }

        return builder.ToString();
    }

    private static string Field(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace("\n", "\\n", StringComparison.Ordinal).Replace('\t', ' ');

    // QnA Maker metadata values may not contain its separators.
    private static string MetadataValue(string value) => value.Replace(':', '-').Replace('|', '-');
}
