using Microsoft.Extensions.Configuration;

namespace FaqBot.Cli;

/// <summary>The configuration every command reads: <c>appsettings.json</c> in the current directory, then environment variables.</summary>
internal static class CliConfiguration
{
    /// <summary>
    /// Builds it. The CLI runs from the repository root, like the web host, so appsettings.json there is the
    /// configuration and relative paths in it resolve against the current directory.
    /// </summary>
    public static IConfigurationRoot Load() =>
        new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
}
