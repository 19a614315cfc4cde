namespace FaqBot.Web.Tests.Support;

/// <summary>Finds the repository root by walking up to FaqBot.sln, so tests never depend on the working directory.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "FaqBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find FaqBot.sln above " + AppContext.BaseDirectory);
    }
}
