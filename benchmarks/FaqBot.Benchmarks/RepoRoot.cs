namespace FaqBot.Benchmarks;

/// <summary>The folder holding FaqBot.sln, found by walking up from the binaries.</summary>
internal static class RepoRoot
{
    public static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FaqBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("FaqBot.sln not found.");
    }
}
