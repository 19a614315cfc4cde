namespace FaqBot.Knowledge.Tests.Fuzzing;

/// <summary>The bundled seed article, found from the repository root (the folder holding FaqBot.sln), not the working directory.</summary>
public static class SeedArticle
{
    /// <summary>The seed article's raw bytes.</summary>
    public static byte[] Bytes { get; } = File.ReadAllBytes(Path.Combine(RepositoryRoot(), "data", "articles", "how-to-deep-clean-pores.md"));

    /// <summary>Walks up from the test assembly to the folder holding FaqBot.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FaqBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"FaqBot.sln not found above {AppContext.BaseDirectory}.");
    }
}
