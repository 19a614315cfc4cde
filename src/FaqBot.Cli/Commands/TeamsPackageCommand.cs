using System.CommandLine;
using FaqBot.Cli.Teams;

namespace FaqBot.Cli.Commands;

/// <summary><c>teams-package</c>: writes the Teams app zip (manifest.json, color.png, outline.png) for an Azure Bot.</summary>
public static class TeamsPackageCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var appId = new Option<string>("--app-id")
        {
            Description = "The Azure Bot's Microsoft App Id (a GUID); becomes bots[0].botId in the manifest.",
            Required = true,
        };
        var name = new Option<string>("--name")
        {
            Description = "Short app name shown in Teams (at most 30 characters).",
            DefaultValueFactory = _ => "FaqBot",
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Where to write the zip.",
            DefaultValueFactory = _ => "faqbot-teams.zip",
        };
        var teamsAppId = new Option<string?>("--teams-app-id")
        {
            Description = "The Teams app id (a GUID). Default: derived from --app-id, so re-packaging updates the same app.",
        };
        var developer = new Option<string>("--developer")
        {
            Description = "Developer or company name (at most 32 characters).",
            DefaultValueFactory = _ => "FaqBot",
        };
        var website = new Option<string>("--website-url")
        {
            Description = "Developer website (https).",
            DefaultValueFactory = _ => "https://www.example.com/faqbot",
        };
        var privacy = new Option<string?>("--privacy-url") { Description = "Privacy statement (https). Default: <website-url>/privacy." };
        var terms = new Option<string?>("--terms-url") { Description = "Terms of use (https). Default: <website-url>/terms." };
        var version = new Option<string>("--version")
        {
            Description = "App version (x.y.z); raise it for every upload of a changed package.",
            DefaultValueFactory = _ => "1.0.0",
        };

        var command = new Command("teams-package", "Write the Microsoft Teams app package (manifest.json pinned to schema "
            + TeamsAppPackager.ManifestVersion + ", color.png 192×192, outline.png 32×32) to upload in Teams or the Developer Portal.\n"
            + "Exit codes: 0 done, 1 bad input, 2 bad command line.")
        {
            appId, name, output, teamsAppId, developer, website, privacy, terms, version,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(appId)!,
            parseResult.GetValue(teamsAppId),
            parseResult.GetValue(name)!,
            parseResult.GetValue(developer)!,
            parseResult.GetValue(website)!,
            parseResult.GetValue(privacy),
            parseResult.GetValue(terms),
            parseResult.GetValue(version)!,
            parseResult.GetValue(output)!,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string appIdText, string? teamsAppIdText, string name, string developer, string websiteText,
        string? privacyText, string? termsText, string version, string outputPath, TextWriter stdout, TextWriter stderr)
    {
        if (!Guid.TryParse(appIdText, out var botAppId))
        {
            stderr.WriteLine($"error: --app-id '{appIdText}' is not a GUID. Use the Microsoft App Id of your Azure Bot "
                + "(Azure portal > your bot > Configuration), e.g. 8f0f4c3e-5d51-4b57-9a0b-2b7d8f3c1a11.");
            return ExitCodes.Usage;
        }

        var teamsAppId = TeamsAppPackager.DeriveTeamsAppId(botAppId);
        if (teamsAppIdText is not null && !Guid.TryParse(teamsAppIdText, out teamsAppId))
        {
            stderr.WriteLine($"error: --teams-app-id '{teamsAppIdText}' is not a GUID.");
            return ExitCodes.Usage;
        }

        var website = ParseUrl("--website-url", websiteText, stderr);
        var privacy = ParseUrl("--privacy-url", privacyText ?? websiteText.TrimEnd('/') + "/privacy", stderr);
        var terms = ParseUrl("--terms-url", termsText ?? websiteText.TrimEnd('/') + "/terms", stderr);
        if (website is null || privacy is null || terms is null)
        {
            return ExitCodes.Usage;
        }

        var settings = new TeamsPackageSettings(botAppId, teamsAppId, name.Trim(), developer.Trim(), website, privacy, terms, version);
        var problems = TeamsAppPackager.Validate(settings);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                stderr.WriteLine("error: " + problem);
            }

            // Every setting comes from an option, so a value the manifest cannot hold is a bad command line.
            return ExitCodes.Usage;
        }

        foreach (var warning in TeamsAppPackager.Warnings(settings))
        {
            stderr.WriteLine("warning: " + warning);
        }

        var fullPath = Path.GetFullPath(outputPath);
        var directory = Path.GetDirectoryName(fullPath)!;
        if (!Directory.Exists(directory))
        {
            stderr.WriteLine($"error: the folder '{directory}' for --out does not exist.");
            return ExitCodes.BadInput;
        }

        // Written beside the target and moved into place, so a failed run never leaves a half-written zip.
        var temporary = fullPath + ".tmp";
        try
        {
            using (var file = File.Create(temporary))
            {
                TeamsAppPackager.Write(settings, file);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            stderr.WriteLine($"error: could not write '{fullPath}': {ex.Message}");
            return ExitCodes.BadInput;
        }

        stdout.WriteLine($"Wrote {fullPath}");
        stdout.WriteLine($"  Teams app id {teamsAppId:D}, bot {botAppId:D}, manifest {TeamsAppPackager.ManifestVersion}, version {version}");
        stdout.WriteLine("  Upload it in Teams (Apps > Manage your apps > Upload an app) or in the Teams Developer Portal.");
        return ExitCodes.Ok;
    }

    private static Uri? ParseUrl(string option, string text, TextWriter stderr)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps)
        {
            return url;
        }

        stderr.WriteLine($"error: {option} '{text}' must be an absolute https:// URL.");
        return null;
    }
}
