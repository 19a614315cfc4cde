namespace FaqBot.Bot.Tests.Fakes;

/// <summary>Finds the repository root by walking up to FaqBot.sln, so tests never depend on the working directory.</summary>
public static class RepositoryRoot
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

        throw new InvalidOperationException($"FaqBot.sln not found above {AppContext.BaseDirectory}.");
    }
}
