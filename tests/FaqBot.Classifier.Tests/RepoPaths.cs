namespace FaqBot.Classifier.Tests;

/// <summary>Finds files relative to the repository root (the folder holding FaqBot.sln), never the working directory.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Articles => Path.Combine(Root, "data", "articles");

    public static string ClassifierData => Path.Combine(Root, "data", "classifier");

    public static string Evaluation(string file) => Path.Combine(Root, "tests", "FaqBot.Classifier.Tests", "Evaluation", file);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FaqBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("FaqBot.sln not found above " + AppContext.BaseDirectory);
    }
}
