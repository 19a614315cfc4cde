using System.CommandLine;
using System.IO.Compression;
using System.Text.Json.Nodes;
using FaqBot.Cli.Commands;
using FaqBot.Cli.Teams;
using Json.Schema;

namespace FaqBot.Cli.Tests.Teams;

/// <summary>
/// The manifest <c>teams-package</c> writes, checked offline against the Teams manifest schema it declares
/// (Teams/Schema holds the schema and where it came from).
/// </summary>
public sealed class TeamsManifestSchemaTests : IDisposable
{
    private const string BotAppId = "8f0f4c3e-5d51-4b57-9a0b-2b7d8f3c1a11";
    private static readonly Lazy<JsonSchema> Schema = new(LoadSchema);
    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-teams-schema-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_generated_manifest_validates_against_the_newest_manifest_schema()
    {
        var (manifest, _) = Package("--name", "Skincare FAQ", "--website-url", "https://contoso.com/faqbot");

        Assert.Equal("1.29", manifest["manifestVersion"]!.GetValue<string>());
        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json", manifest["$schema"]!.GetValue<string>());
        Assert.Empty(SchemaErrors(manifest));
    }

    [Fact]
    public void The_schema_check_rejects_a_manifest_of_another_version_or_with_an_unknown_permission()
    {
        var (manifest, _) = Package();
        var oldVersion = manifest.DeepClone();
        oldVersion["manifestVersion"] = "1.17";
        var unknownPermission = manifest.DeepClone();
        unknownPermission["permissions"] = new JsonArray("readEverything");

        Assert.NotEmpty(SchemaErrors(oldVersion));
        Assert.NotEmpty(SchemaErrors(unknownPermission));
    }

    [Fact]
    public void The_manifest_requests_no_permissions_the_bot_does_not_use()
    {
        var (manifest, _) = Package();

        var permissions = manifest["permissions"]?.AsArray().Select(p => p!.GetValue<string>()) ?? [];
        Assert.DoesNotContain("identity", permissions);
        Assert.DoesNotContain("messageTeamMembers", permissions);
    }

    [Fact]
    public void The_commands_are_offered_in_every_scope_the_bot_supports()
    {
        var (manifest, _) = Package();
        var bot = manifest["bots"]![0]!;

        var scopes = bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        var commandScopes = bot["commandLists"]!.AsArray().SelectMany(list => list!["scopes"]!.AsArray().Select(s => s!.GetValue<string>())).ToList();
        Assert.Equal(["personal", "team", "groupChat"], scopes);
        Assert.Equal(scopes.Order(StringComparer.Ordinal), commandScopes.Order(StringComparer.Ordinal));
        Assert.All(bot["commandLists"]!.AsArray(), list =>
            Assert.Equal(["help", "topics", "restart"], list!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>())));
    }

    [Fact]
    public void Placeholder_developer_urls_are_packaged_with_a_warning()
    {
        var (_, error) = Package();

        Assert.Contains("warning: the developer URLs are placeholders", error, StringComparison.Ordinal);
        Assert.Contains("--website-url https://www.example.com/faqbot", error, StringComparison.Ordinal);
        Assert.Contains("--privacy-url https://www.example.com/faqbot/privacy", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://docs.example.org/bot")]
    [InlineData("https://localhost/bot")]
    [InlineData("https://faq.test/")]
    public void Any_host_reserved_for_examples_is_a_placeholder(string website)
    {
        var (_, error) = Package("--website-url", website);

        Assert.Contains("warning: the developer URLs are placeholders", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_developer_urls_get_no_warning()
    {
        var (_, error) = Package("--website-url", "https://contoso.com/faqbot", "--privacy-url", "https://contoso.com/privacy", "--terms-url", "https://contoso.com/terms");

        Assert.Equal(string.Empty, error);
    }

    private (JsonNode Manifest, string Error) Package(params string[] extraArgs)
    {
        var zipPath = Path.Combine(_folder, $"{Guid.NewGuid():n}.zip");
        var root = new RootCommand { TeamsPackageCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = root.Parse(["teams-package", "--app-id", BotAppId, "--out", zipPath, .. extraArgs])
            .Invoke(new InvocationConfiguration { Output = output, Error = error });
        Assert.True(exitCode == 0, error.ToString());
        using var zip = ZipFile.OpenRead(zipPath);
        using var stream = zip.GetEntry("manifest.json")!.Open();
        return (JsonNode.Parse(stream)!, error.ToString());
    }

    private static List<string> SchemaErrors(JsonNode manifest)
    {
        var result = Schema.Value.Evaluate(manifest, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))];
    }

    private static JsonSchema LoadSchema()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Teams", "Schema", $"MicrosoftTeams.v{TeamsAppPackager.ManifestVersion}.schema.json");
        var schema = JsonNode.Parse(File.ReadAllText(path))!.AsObject();

        // It declares draft-04 but relies on draft-06/07 keywords (const, if); a draft-04 reading would skip them.
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        return JsonSchema.FromText(schema.ToJsonString());
    }
}
