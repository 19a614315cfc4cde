using System.CommandLine;
using System.Diagnostics;
using FaqBot.Cli.Commands;

namespace FaqBot.Cli.Tests;

/// <summary>Runs CLI commands in process (fast, for messages) or as the built executable (for real exit codes).</summary>
internal static class CliRunner
{
    /// <summary>The repository root: the nearest folder above the test assembly holding FaqBot.sln.</summary>
    public static string RepoRoot => RepositoryRoot.Path;

    public static async Task<(int ExitCode, string Out, string Error)> InProcessAsync(params string[] args)
    {
        var root = new RootCommand { ExtractCommand.Create(), ImportCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    public static Task<(int ExitCode, string Out, string Error)> ExecutableAsync(string workingDirectory, params string[] args) =>
        ExecutableAsync(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs the executable with <paramref name="environment"/> added (settings such as <c>Knowledge__BaseUrl</c>) and stdin at its end.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> ExecutableAsync(
        string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "faqbot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
