using System.Text.Json;

namespace FaqBot.Knowledge.Serialization;

/// <summary>
/// Reads a QnA Maker knowledge-base export: its TSV (<c>Question Answer Source Metadata [SuggestedQuestions IsContextOnly
/// Prompts QnaId]</c>, one row per question phrasing, newlines written as <c>\n</c>) or its JSON (<c>qnaDocuments</c> from
/// the download API, or <c>qnaList</c> from the create/update API: <c>questions</c>, <c>answer</c>, <c>source</c>).
/// </summary>
public static class QnaMakerExport
{
    /// <summary>The pairs of an export file, by its content (JSON when it starts with '{').</summary>
    /// <exception cref="FormatException">The text is neither a QnA Maker TSV nor a QnA Maker JSON export; the message says where.</exception>
    public static IReadOnlyList<QnaPair> Read(string text, string filePath) =>
        text.TrimStart('\uFEFF').TrimStart().StartsWith('{') ? ReadJson(text, filePath) : ReadTsv(text, filePath);

    /// <summary>Pairs from TSV rows: rows with one QnaId (or, without that column, one answer and source) are one pair.</summary>
    public static IReadOnlyList<QnaPair> ReadTsv(string text, string filePath)
    {
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var header = lines[0].Split('\t');
        if (header.Length < 3 || !header[0].Equals("Question", StringComparison.OrdinalIgnoreCase) || !header[1].Equals("Answer", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"{filePath}:1: is not a QnA Maker TSV export; its first line must be 'Question<TAB>Answer<TAB>Source<TAB>Metadata'.");
        }

        var idColumn = Array.FindIndex(header, h => h.Equals("QnaId", StringComparison.OrdinalIgnoreCase));
        var pairs = new List<(string Key, List<string> Questions, string Answer, string Source)>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var fields = lines[i].Split('\t');
            if (fields.Length < 3)
            {
                throw new FormatException($"{filePath}:{i + 1}: has {fields.Length} column(s); a QnA Maker row needs at least Question, Answer and Source.");
            }

            var (question, answer, source) = (Unescape(fields[0]).Trim(), Unescape(fields[1]).Trim(), fields[2].Trim());
            if (question.Length == 0 || answer.Length == 0)
            {
                throw new FormatException($"{filePath}:{i + 1}: has an empty question or answer.");
            }

            var key = idColumn >= 0 && idColumn < fields.Length && fields[idColumn].Trim().Length > 0 ? "id:" + fields[idColumn].Trim() : $"{source}\t{answer}";
            if (byKey.TryGetValue(key, out var at))
            {
                pairs[at].Questions.Add(question);
            }
            else
            {
                byKey[key] = pairs.Count;
                pairs.Add((key, [question], answer, source));
            }
        }

        return [.. pairs.Select(p => new QnaPair(p.Questions.Distinct(StringComparer.Ordinal).ToList(), p.Answer, p.Source))];
    }

    /// <summary>Pairs from a JSON export (<c>qnaDocuments</c> or <c>qnaList</c>).</summary>
    public static IReadOnlyList<QnaPair> ReadJson(string text, string filePath)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !(root.TryGetProperty("qnaDocuments", out var documents) || root.TryGetProperty("qnaList", out documents))
                || documents.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"{filePath}: is not a QnA Maker JSON export; it needs a 'qnaDocuments' (or 'qnaList') array.");
            }

            var pairs = new List<QnaPair>();
            var index = 0;
            foreach (var document in documents.EnumerateArray())
            {
                index++;
                var questions = document.TryGetProperty("questions", out var q) && q.ValueKind == JsonValueKind.Array
                    ? q.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList()
                    : [];
                var answer = document.TryGetProperty("answer", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()!.Trim() : string.Empty;
                var source = document.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()!.Trim() : "Editorial";
                if (questions.Count == 0 || answer.Length == 0)
                {
                    throw new FormatException($"{filePath}: QnA number {index} has no question or no answer.");
                }

                pairs.Add(new QnaPair(questions, answer, source));
            }

            return pairs;
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{filePath}: is not valid JSON ({ex.Message})", ex);
        }
    }

    // QnA Maker writes a newline inside a field as the two characters '\n'.
    private static string Unescape(string field) => field.Replace("\\n", "\n", StringComparison.Ordinal);
}
