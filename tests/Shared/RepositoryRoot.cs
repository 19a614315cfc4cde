namespace FaqBot.Testing;

/// <summary>
/// The repository root: the nearest folder above the running assembly that holds FaqBot.sln, so tests and benchmarks
/// never depend on the working directory. One file, compiled into every test project (Directory.Build.props) and the
/// benchmarks.
/// </summary>
internal static class RepositoryRoot
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

        throw new InvalidOperationException("FaqBot.sln not found above " + AppContext.BaseDirectory);
    }
}
