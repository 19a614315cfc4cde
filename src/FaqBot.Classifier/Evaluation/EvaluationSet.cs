using FaqBot.Classifier.Training;

namespace FaqBot.Classifier.Evaluation;

/// <summary>Reads evaluation questions: TSV lines <c>question TAB entry id or OOS [TAB fact]</c>, '#' comments.</summary>
public static class EvaluationSet
{
    /// <summary>Parses a TSV file.</summary>
    /// <exception cref="FormatException">A line lacks the expected entry; the message names the file and line.</exception>
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
                throw new FormatException($"{path}:{lineNumber}: expected 'question<TAB>entry id or OOS[<TAB>fact]'.");
            }

            var expected = parts[1].Trim();
            result.Add(new LabelledQuestion(
                parts[0].Trim(),
                expected.Equals("OOS", StringComparison.OrdinalIgnoreCase) ? AnswerLabels.OutOfScope : expected,
                parts.Length > 2 && parts[2].Trim().Length > 0 ? parts[2].Trim() : null));
        }

        return result;
    }
}
