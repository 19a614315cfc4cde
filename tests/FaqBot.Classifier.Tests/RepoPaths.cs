namespace FaqBot.Classifier.Tests;

/// <summary>Finds files relative to the repository root (the folder holding FaqBot.sln), never the working directory.</summary>
internal static class RepoPaths
{
    public static string Root => RepositoryRoot.Path;

    public static string Articles => Path.Combine(Root, "data", "articles");

    public static string ClassifierData => Path.Combine(Root, "data", "classifier");

    public static string EvaluationSets(string folder) => Path.Combine(Root, "tests", "EvalSets", folder);
}
