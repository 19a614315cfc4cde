namespace FaqBot.Hosting;

/// <summary>
/// Finds the folder FaqBot's <c>appsettings.json</c> and relative paths (<c>data/articles</c>, <c>data/model</c>, …) belong
/// to, so the web host and the CLI work whatever directory they are started from.
/// </summary>
public static class ContentRootLocator
{
    /// <summary>The settings file that marks a content root.</summary>
    public const string SettingsFile = "appsettings.json";

    private const string ContentRootArgument = "--contentRoot";

    /// <summary>
    /// The content root for a process started with <paramref name="args"/>: null when one is given explicitly
    /// (<c>--contentRoot</c>, <c>DOTNET_CONTENTROOT</c> or <c>ASPNETCORE_CONTENTROOT</c>: the host then uses it), else
    /// the current directory when it holds <c>appsettings.json</c>, else the nearest folder at or above the application's
    /// own (a published build ships its settings beside its binaries; a development build finds the repository root),
    /// else the current directory.
    /// </summary>
    public static string? Locate(IReadOnlyList<string> args) =>
        IsGivenExplicitly(args) ? null : Locate(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    /// <summary>The content root for a process in <paramref name="currentDirectory"/> whose binaries are in <paramref name="applicationDirectory"/>.</summary>
    public static string Locate(string currentDirectory, string applicationDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currentDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationDirectory);
        if (HoldsSettings(currentDirectory))
        {
            return Path.GetFullPath(currentDirectory);
        }

        for (var folder = new DirectoryInfo(applicationDirectory); folder is not null; folder = folder.Parent)
        {
            if (HoldsSettings(folder.FullName))
            {
                return folder.FullName;
            }
        }

        return Path.GetFullPath(currentDirectory);
    }

    private static bool HoldsSettings(string folder) => File.Exists(Path.Combine(folder, SettingsFile));

    private static bool IsGivenExplicitly(IReadOnlyList<string> args) =>
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"))
        || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || args.Any(a => a.StartsWith(ContentRootArgument, StringComparison.OrdinalIgnoreCase)
            || a.StartsWith("/contentRoot", StringComparison.OrdinalIgnoreCase));
}
