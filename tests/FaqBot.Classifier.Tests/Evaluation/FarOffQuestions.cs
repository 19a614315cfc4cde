namespace FaqBot.Classifier.Tests.Evaluation;

/// <summary>The far-off questions of <c>tests/EvalSets/far-off-questions.txt</c>: no article answers them.</summary>
internal static class FarOffQuestions
{
    public static IReadOnlyList<string> Load() => [.. File.ReadLines(RepoPaths.EvaluationSets("far-off-questions.txt"))
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && !l.StartsWith('#'))];
}
