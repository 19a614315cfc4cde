using FaqBot.Classifier.Training;

namespace FaqBot.Classifier.Evaluation;

/// <summary>
/// Reads evaluation questions: TSV lines <c>question TAB expected TAB fact</c>, '#' comments. <c>expected</c> is
/// <c>OOS</c> (the bot should decline), <c>*</c> (any entry whose shown answer holds the fact) or an entry id (full, or
/// without its article prefix as <c>train</c> and <c>eval</c> print it). Facts separated by <c> || </c> are alternatives.
/// </summary>
public static class EvaluationSet
{
    /// <summary>Parses a TSV file.</summary>
    /// <exception cref="FormatException">A line is malformed; the message names the file and line.</exception>
    public static IReadOnlyList<LabelledQuestion> Load(string path)
    {
        var result = new List<LabelledQuestion>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length < 2 || parts[0].Trim().Length == 0 || parts[1].Trim().Length == 0)
            {
                throw new FormatException($"{path}:{lineNumber}: expected 'question<TAB>OOS', 'question<TAB>*<TAB>fact' or 'question<TAB>entry id[<TAB>fact]'.");
            }

            var expected = parts[1].Trim();
            var fact = parts.Length > 2 && parts[2].Trim().Length > 0 ? parts[2].Trim() : null;
            if (expected == LabelledQuestion.AnyEntry && fact is null)
            {
                throw new FormatException($"{path}:{lineNumber}: '*' (any entry) needs the fact the answer must contain in a third column.");
            }

            result.Add(new LabelledQuestion(
                parts[0].Trim(),
                expected.Equals("OOS", StringComparison.OrdinalIgnoreCase) ? AnswerLabels.OutOfScope : expected,
                fact));
        }

        return result;
    }
}
