using System.Net;
using System.Text.Json.Nodes;
using FaqBot.Web.Tests.DirectLine;
using FaqBot.Web.Tests.Hosts;
using FaqBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.Web.Tests.Security;

/// <summary>Secrets come from configuration (or the environment, which configuration reads) and never reach a log.</summary>
public sealed class SecretHandlingTests
{
    [Fact]
    public async Task The_app_password_and_Direct_Line_secret_never_appear_in_any_log_entry()
    {
        // Given a host configured with an app id, password and Direct Line secret, logging everything
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var secret = "dl-" + Guid.NewGuid().ToString("N");
        var logs = new CapturingLoggerProvider();
        using var factory = new FaqBotWebFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = "6b3e2d71-0000-4000-8000-000000000001",
            ["MicrosoftAppPassword"] = password,
            ["DirectLine:Secret"] = secret,
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
        })
        {
            ConfigureServices = services => services.AddSingleton<ILoggerProvider>(logs),
        };
        var http = factory.CreateClient();

        // When it starts and handles refused and accepted requests on every endpoint
        var noToken = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), Json.Content(Activity()));
        using var badToken = Json.Post("/api/messages", Activity(), bearer: "not.a.jwt");
        var refused = await http.SendAsync(badToken);
        var client = new DirectLineClient(http);
        await client.StartAsync();
        await client.PostAsync(client.WebChatMessage("hello"));
        await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        await http.GetAsync(new Uri("/", UriKind.Relative));

        // Then the password is in force (auth is on) yet no log entry holds either secret
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(logs.Entries, e => e.Contains(password, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public void The_committed_settings_files_hold_no_secrets()
    {
        var root = RepositoryRoot.Path;
        var files = Directory.EnumerateFiles(root, "appsettings*.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);

        foreach (var file in files)
        {
            var json = JsonNode.Parse(File.ReadAllText(file))!;
            Assert.True(string.IsNullOrEmpty((string?)json["MicrosoftAppPassword"]), $"{file} holds MicrosoftAppPassword; set it in the environment instead.");
            Assert.True(string.IsNullOrEmpty((string?)json["DirectLine"]?["Secret"]), $"{file} holds DirectLine:Secret; set it in the environment instead.");
        }
    }

    private static JsonObject Activity() => new()
    {
        ["type"] = "message",
        ["id"] = "1",
        ["channelId"] = "emulator",
        ["serviceUrl"] = "http://127.0.0.1:9/",
        ["deliveryMode"] = "expectReplies",
        ["conversation"] = new JsonObject { ["id"] = "secret-test" },
        ["from"] = new JsonObject { ["id"] = "user" },
        ["recipient"] = new JsonObject { ["id"] = "bot" },
        ["text"] = "hello",
    };
}
