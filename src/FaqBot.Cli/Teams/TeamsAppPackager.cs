using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FaqBot.Cli.Teams;

/// <summary>
/// Builds the Teams app package: <c>manifest.json</c> (schema <see cref="ManifestVersion"/>), <c>color.png</c> and
/// <c>outline.png</c>, all at the root of the zip as Teams requires.
/// </summary>
public static partial class TeamsAppPackager
{
    /// <summary>
    /// The manifest version: the newest in OfficeDev/microsoft-teams-app-schema, and the generated manifest is tested
    /// against that schema (tests/FaqBot.Cli.Tests/Teams/Schema).
    /// </summary>
    public const string ManifestVersion = "1.29";

    /// <summary>The JSON schema of <see cref="ManifestVersion"/>.</summary>
    public const string SchemaUrl = "https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json";

    // Where the bot can be used; each gets the command list too (in a channel or group chat after an @mention).
    private static readonly string[] BotScopes = ["personal", "team", "groupChat"];

    // Hosts reserved for examples and tests (RFC 2606, RFC 6761): a manifest pointing there has no real privacy statement.
    private static readonly string[] PlaceholderHosts = ["example.com", "example.org", "example.net", "example", "test", "invalid", "localhost"];

    // Fixed namespace for name-based (v5) Teams app ids, so one bot always gets the same Teams app id.
    private static readonly Guid TeamsAppIdNamespace = new("6f1d7c35-2c1e-4f55-9a57-0c0b6f1a5e21");

    /// <summary>Checks the settings against the manifest schema's limits; returns the problems (empty when valid).</summary>
    public static IReadOnlyList<string> Validate(TeamsPackageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        if (settings.BotAppId == Guid.Empty)
        {
            problems.Add("--app-id must be the bot's Microsoft App Id, not the empty GUID.");
        }

        if (string.IsNullOrWhiteSpace(settings.Name) || settings.Name.Length > 30)
        {
            problems.Add($"--name must be 1 to 30 characters (got {settings.Name.Length}).");
        }

        if (string.IsNullOrWhiteSpace(settings.Developer) || settings.Developer.Length > 32)
        {
            problems.Add($"--developer must be 1 to 32 characters (got {settings.Developer.Length}).");
        }

        foreach (var (option, url) in new[] { ("--website-url", settings.WebsiteUrl), ("--privacy-url", settings.PrivacyUrl), ("--terms-url", settings.TermsOfUseUrl) })
        {
            if (!url.IsAbsoluteUri || url.Scheme != Uri.UriSchemeHttps)
            {
                problems.Add($"{option} must be an absolute https:// URL (got '{url}').");
            }
        }

        if (!SemVer().IsMatch(settings.Version))
        {
            problems.Add($"--version must look like 1.0.0 (got '{settings.Version}').");
        }

        return problems;
    }

    /// <summary>
    /// Warnings that do not stop the package: developer URLs on hosts reserved for examples, which Teams shows to users
    /// (and app review rejects) as the publisher's website, privacy statement and terms of use.
    /// </summary>
    public static IReadOnlyList<string> Warnings(TeamsPackageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var placeholders = new[] { ("--website-url", settings.WebsiteUrl), ("--privacy-url", settings.PrivacyUrl), ("--terms-url", settings.TermsOfUseUrl) }
            .Where(option => IsPlaceholder(option.Item2))
            .Select(option => $"{option.Item1} {option.Item2}")
            .ToList();
        return placeholders.Count == 0
            ? []
            : [$"the developer URLs are placeholders ({string.Join(", ", placeholders)}); Teams shows them to users as your "
                + "website, privacy statement and terms of use. Pass --website-url (and --privacy-url, --terms-url) before publishing."];
    }

    /// <summary>A stable Teams app id derived from the bot's app id (RFC 4122 name-based UUID, SHA-1).</summary>
    public static Guid DeriveTeamsAppId(Guid botAppId)
    {
        var name = Encoding.UTF8.GetBytes(botAppId.ToString("D"));
        var namespaceBytes = TeamsAppIdNamespace.ToByteArray(bigEndian: true);
        var hash = SHA1.HashData([.. namespaceBytes, .. name]);
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50); // version 5
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The manifest as indented JSON.</summary>
    public static string CreateManifest(TeamsPackageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var manifest = new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["manifestVersion"] = ManifestVersion,
            ["version"] = settings.Version,
            ["id"] = settings.TeamsAppId.ToString("D"),
            ["developer"] = new JsonObject
            {
                ["name"] = settings.Developer,
                ["websiteUrl"] = settings.WebsiteUrl.ToString(),
                ["privacyUrl"] = settings.PrivacyUrl.ToString(),
                ["termsOfUseUrl"] = settings.TermsOfUseUrl.ToString(),
            },
            ["name"] = new JsonObject
            {
                ["short"] = settings.Name,
                ["full"] = $"{settings.Name}: answers from your FAQ articles",
            },
            ["description"] = new JsonObject
            {
                ["short"] = "Ask questions in your own words; get answers from our FAQ articles.",
                ["full"] = $"{settings.Name} answers questions from the team's FAQ articles. Ask in a personal chat, or @mention "
                    + $"{settings.Name} in a channel or group chat. Each answer links to the section of the article it came from; "
                    + "when a question is ambiguous it offers the closest topics, and when it does not know it says so.",
            },
            ["icons"] = new JsonObject { ["outline"] = "outline.png", ["color"] = "color.png" },
            ["accentColor"] = TeamsIcons.AccentColor,
            ["bots"] = new JsonArray(new JsonObject
            {
                ["botId"] = settings.BotAppId.ToString("D"),
                ["scopes"] = new JsonArray([.. BotScopes.Select(scope => JsonValue.Create(scope))]),
                ["supportsFiles"] = false,
                ["isNotificationOnly"] = false,
                // One list per scope, as the schema describes commandLists.
                ["commandLists"] = new JsonArray([.. BotScopes.Select(scope => new JsonObject
                {
                    ["scopes"] = new JsonArray(scope),
                    ["commands"] = new JsonArray(
                        new JsonObject { ["title"] = "help", ["description"] = "What I can answer and how to ask" },
                        new JsonObject { ["title"] = "topics", ["description"] = "The topics I know about" },
                        new JsonObject { ["title"] = "restart", ["description"] = "Start our conversation over" }),
                })]),
            }),
            // No "permissions": the bot needs neither the user's identity nor to message team members on its own.
            ["validDomains"] = new JsonArray(),
        };
        return manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Writes the zip (manifest.json, color.png, outline.png at its root) to <paramref name="output"/>.</summary>
    public static void Write(TeamsPackageSettings settings, Stream output)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        AddEntry(zip, "manifest.json", Encoding.UTF8.GetBytes(CreateManifest(settings)));
        AddEntry(zip, "color.png", TeamsIcons.Color());
        AddEntry(zip, "outline.png", TeamsIcons.Outline());
    }

    private static void AddEntry(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(content);
    }

    private static bool IsPlaceholder(Uri url) =>
        PlaceholderHosts.Any(host => url.Host.Equals(host, StringComparison.OrdinalIgnoreCase) || url.Host.EndsWith("." + host, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex SemVer();
}
