namespace FaqBot.Knowledge.Tests.Fuzzing;

/// <summary>The bundled seed article, found from the repository root (the folder holding FaqBot.sln), not the working directory.</summary>
public static class SeedArticle
{
    /// <summary>The seed article's raw bytes.</summary>
    public static byte[] Bytes { get; } = File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "data", "articles", "how-to-deep-clean-pores.md"));
}
