using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FaqBot.Hosting;
using FaqBot.Web.Hosting;
using FaqBot.Web.Tests.DirectLine;
using FaqBot.Web.Tests.Hosts;
using FaqBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.Web.Tests.Faults;

/// <summary>
/// Damaged inputs at start-up never stop the host: a page it cannot use is skipped and named in /healthz while the rest
/// is served; with nothing it can use, it starts, declines politely and says why in /healthz and the log; a damaged
/// model file is rebuilt and the host serves.
/// </summary>
public sealed class StartupFaultTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-startup-").FullName;

    public static TheoryData<string, byte[], string> BrokenArticles => new()
    {
        { "binary.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "is not Markdown text" },
        { "latin1.md", [0x23, 0x20, 0x43, 0x61, 0x66, 0xE9, 0x0A, 0x0A, 0x74, 0x65, 0x78, 0x74], "not valid UTF-8" },
        { "front-matter.md", "---\ntitle: x\n\n# Heading\n\ntext\n"u8.ToArray(), "never closed" },
        { "unanswered.md", "# Tea\n\n## FAQ\n\n**Q1: Is it bitter?**\n"u8.ToArray(), "has no answer" },
    };

    [Theory]
    [MemberData(nameof(BrokenArticles))]
    public async Task A_broken_article_at_start_is_skipped_and_named_in_healthz_while_the_other_articles_are_answered(
        string file, byte[] content, string problem)
    {
        // Given a folder with a good article and a broken one
        var articles = Directory.CreateDirectory(Path.Combine(_folder, "articles")).FullName;
        File.Copy(Path.Combine(RepositoryRoot.Path, "data", "articles", "how-to-deep-clean-pores.md"), Path.Combine(articles, "good.md"));
        File.WriteAllBytes(Path.Combine(articles, file), content);
        using var factory = RealHost(articles);

        // When the host starts and is asked about the good one
        var (health, reply) = await StartAndAskAsync(factory);

        // Then it answers, and /healthz is degraded (still 200) with the broken page, its line and what is wrong
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var body = await Json.ReadObjectAsync(health);
        Assert.Equal("degraded", body["status"]!.GetValue<string>());
        Assert.Null(body["lastReloadError"]);
        var skipped = Assert.Single(body["pagesSkipped"]!.AsArray())!;
        Assert.Equal(file, skipped["filePath"]!.GetValue<string>());
        Assert.Contains(problem, skipped["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(reply);
        Assert.Contains("week", reply, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_empty_articles_folder_starts_the_host_which_says_so_in_the_log_and_healthz_and_declines()
    {
        var articles = Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;
        var logs = new CapturingLoggerProvider();
        using var factory = RealHost(articles, services => services.AddSingleton<ILoggerProvider>(logs));

        var (health, reply) = await StartAndAskAsync(factory);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("holds no Markdown articles", (await Json.ReadObjectAsync(health))["lastReloadError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(BotTurnGate.UnavailableReply, reply);
        Assert.Contains(logs.Entries, e => e.Contains("AnswerEngineService Error", StringComparison.Ordinal)
            && e.Contains("holds no Markdown articles", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_model_file_damaged_behind_a_matching_checksum_is_retrained_at_start_and_the_host_serves()
    {
        // Given a model trained by a first host, then damaged with its metadata rewritten to match
        var articles = Path.Combine(RepositoryRoot.Path, "data", "articles");
        using (var first = RealHost(articles))
        {
            first.CreateClient();
            await first.WaitUntilReadyAsync();
        }

        var model = Path.Combine(_folder, "model", "answer-model.zip");
        var damaged = RandomNumberGenerator.GetBytes(2048);
        File.WriteAllBytes(model, damaged);
        var metadataPath = Path.Combine(_folder, "model", "answer-model.json");
        var metadata = JsonNode.Parse(File.ReadAllText(metadataPath))!;
        metadata["ModelSha256"] = Convert.ToHexStringLower(SHA256.HashData(damaged));
        File.WriteAllText(metadataPath, metadata.ToJsonString());

        // When a second host starts on it
        var logs = new CapturingLoggerProvider();
        using var second = RealHost(articles, services => services.AddSingleton<ILoggerProvider>(logs));
        var http = second.CreateClient();
        await second.WaitUntilReadyAsync();

        // Then it says why it retrains, and serves answers with the rebuilt model
        var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains(logs.Entries, e => e.Contains("could not be read", StringComparison.Ordinal));
        Assert.NotEqual(damaged, File.ReadAllBytes(model));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private FaqBotWebFactory RealHost(string articles, Action<IServiceCollection>? configure = null) =>
        new(new Dictionary<string, string?>
        {
            ["Knowledge:ArticlesDirectory"] = articles,
            ["Knowledge:Reload:Enabled"] = "false",
            ["Classifier:ModelDirectory"] = Path.Combine(_folder, "model"),
            ["Bot:DataDirectory"] = Path.Combine(_folder, "data"),
        })
        {
            UseTestBot = false,
            UseManualClock = false,
            ConfigureServices = configure,
        };

    // Starts the host, waits for its first attempt to load the articles, then reads /healthz and asks a question through Direct Line.
    private static async Task<(HttpResponseMessage Health, string? Reply)> StartAndAskAsync(FaqBotWebFactory factory)
    {
        var http = factory.CreateClient();
        await factory.Services.GetRequiredService<AnswerEngineService>().ReloadNowAsync();
        var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        var chat = new DirectLineClient(http);
        await chat.StartAsync();
        await chat.SendAsync("How often should I deep clean my pores?");
        var (activities, _) = await chat.ReadAsync();
        var reply = activities.LastOrDefault(a => a!["from"]?["id"]?.GetValue<string>() != chat.UserId)?["text"]?.GetValue<string>();
        return (health, reply);
    }
}
