namespace FaqBot.Knowledge.Tests;

/// <summary>Finds test inputs without relying on the working directory.</summary>
internal static class TestPaths
{
    /// <summary>The repository root: the nearest folder above the test assembly holding FaqBot.sln.</summary>
    public static string RepoRoot => RepositoryRoot.Path;

    /// <summary>The seed article.</summary>
    public static string SeedArticle => Path.Combine(RepoRoot, "data", "articles", "how-to-deep-clean-pores.md");

    /// <summary>The parser fixtures copied beside the test assembly.</summary>
    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");
}
