using System.CommandLine;
using System.IO.Compression;
using System.Text.Json.Nodes;
using FaqBot.Cli.Commands;
using FaqBot.Cli.Teams;

namespace FaqBot.Cli.Tests.Teams;

public sealed class TeamsPackageCommandTests : IDisposable
{
    private const string BotAppId = "8f0f4c3e-5d51-4b57-9a0b-2b7d8f3c1a11";
    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-teams-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand { TeamsPackageCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = root.Parse(["teams-package", .. args]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    private Dictionary<string, byte[]> Package(params string[] extraArgs)
    {
        var zipPath = Path.Combine(_folder, "app.zip");
        var (exitCode, _, error) = Run(["--app-id", BotAppId, "--out", zipPath, .. extraArgs]);
        Assert.True(exitCode == 0, error);
        using var zip = ZipFile.OpenRead(zipPath);
        return zip.Entries.ToDictionary(entry => entry.FullName, entry =>
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    [Fact]
    public void The_zip_holds_the_manifest_and_both_icons_at_its_root()
    {
        var entries = Package();

        Assert.Equal(["color.png", "manifest.json", "outline.png"], entries.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_manifest_declares_its_schema_and_names_the_bot()
    {
        var manifest = JsonNode.Parse(Package("--name", "Skincare FAQ")["manifest.json"])!;

        Assert.Equal(TeamsAppPackager.ManifestVersion, manifest["manifestVersion"]!.GetValue<string>());
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{TeamsAppPackager.ManifestVersion}/MicrosoftTeams.schema.json", manifest["$schema"]!.GetValue<string>());
        Assert.Equal(BotAppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(["personal", "team", "groupChat"], manifest["bots"]![0]!["scopes"]!.AsArray().Select(scope => scope!.GetValue<string>()));
        Assert.Equal("Skincare FAQ", manifest["name"]!["short"]!.GetValue<string>());
        Assert.Equal(TeamsAppPackager.DeriveTeamsAppId(Guid.Parse(BotAppId)).ToString("D"), manifest["id"]!.GetValue<string>());
        Assert.Matches("^#[0-9A-Fa-f]{6}$", manifest["accentColor"]!.GetValue<string>());
        Assert.Equal("color.png", manifest["icons"]!["color"]!.GetValue<string>());
        Assert.Equal("outline.png", manifest["icons"]!["outline"]!.GetValue<string>());
        Assert.InRange(manifest["description"]!["short"]!.GetValue<string>().Length, 1, 80);
        Assert.InRange(manifest["description"]!["full"]!.GetValue<string>().Length, 1, 4000);
        foreach (var url in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            Assert.StartsWith("https://", manifest["developer"]![url]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Matches(@"^\d+\.\d+\.\d+$", manifest["version"]!.GetValue<string>());
    }

    [Fact]
    public void The_Teams_app_id_is_stable_per_bot_and_can_be_given_explicitly()
    {
        var derived = TeamsAppPackager.DeriveTeamsAppId(Guid.Parse(BotAppId));
        var explicitId = Guid.NewGuid().ToString("D");

        var manifest = JsonNode.Parse(Package("--teams-app-id", explicitId)["manifest.json"])!;

        Assert.Equal(derived, TeamsAppPackager.DeriveTeamsAppId(Guid.Parse(BotAppId)));
        Assert.NotEqual(Guid.Parse(BotAppId), derived);
        Assert.NotEqual(derived, TeamsAppPackager.DeriveTeamsAppId(Guid.NewGuid()));
        Assert.Equal(explicitId, manifest["id"]!.GetValue<string>());
    }

    [Fact]
    public void The_colour_icon_is_an_opaque_192_pixel_square_in_the_accent_colour_and_white()
    {
        var (width, height, rgba) = PngReader.Read(Package()["color.png"]);

        Assert.Equal((192, 192), (width, height));
        Assert.All(Enumerable.Range(0, width * height), i => Assert.Equal(255, rgba[(i * 4) + 3]));
        Assert.Equal([0x0F, 0x76, 0x6E], rgba[..3]);
        var centre = ((96 * 192) + 80) * 4;
        Assert.Equal([255, 255, 255], rgba[centre..(centre + 3)]);
    }

    [Fact]
    public void The_outline_icon_is_32_pixels_of_pure_white_on_full_transparency()
    {
        var (width, height, rgba) = PngReader.Read(Package()["outline.png"]);

        Assert.Equal((32, 32), (width, height));
        var pixels = rgba.Chunk(4).ToList();
        Assert.All(pixels, pixel => Assert.True(pixel[3] == 0 || pixel is [255, 255, 255, 255], $"pixel {string.Join(',', pixel)} is neither white nor transparent"));
        Assert.InRange(pixels.Count(pixel => pixel[3] == 255), 100, 600);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("12345")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public void A_bad_app_id_is_a_command_line_error_with_a_clear_message_and_writes_nothing(string appId)
    {
        var zipPath = Path.Combine(_folder, "app.zip");

        var (exitCode, _, error) = Run("--app-id", appId, "--out", zipPath);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--app-id", error, StringComparison.Ordinal);
        Assert.False(File.Exists(zipPath));
    }

    [Fact]
    public void A_missing_app_id_is_a_command_line_error()
    {
        var root = new RootCommand { TeamsPackageCommand.Create() };

        var result = root.Parse(["teams-package"]);

        Assert.Contains(result.Errors, parseError => parseError.Message.Contains("--app-id", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--name", "A name far too long for the Teams app bar")]
    [InlineData("--website-url", "http://insecure.example.com")]
    [InlineData("--version", "v1")]
    public void Values_the_manifest_schema_would_reject_are_command_line_errors_caught_before_writing(string option, string value)
    {
        var zipPath = Path.Combine(_folder, "app.zip");

        var (exitCode, _, error) = Run("--app-id", BotAppId, "--out", zipPath, option, value);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains(option, error, StringComparison.Ordinal);
        Assert.False(File.Exists(zipPath));
    }
}
