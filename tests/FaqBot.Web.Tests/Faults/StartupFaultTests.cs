using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FaqBot.Web.Tests.Hosts;
using FaqBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.Web.Tests.Faults;

/// <summary>
/// Damaged inputs at start-up: a broken article stops the host with an error naming the file and the problem (never a
/// half-working bot); a damaged model file is rebuilt and the host serves.
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
    public void A_broken_article_stops_the_host_at_start_with_the_file_and_the_problem(string file, byte[] content, string problem)
    {
        var articles = Directory.CreateDirectory(Path.Combine(_folder, "articles")).FullName;
        File.Copy(Path.Combine(RepositoryRoot.Path, "data", "articles", "how-to-deep-clean-pores.md"), Path.Combine(articles, "good.md"));
        File.WriteAllBytes(Path.Combine(articles, file), content);
        using var factory = RealHost(articles);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.Contains(file, messages, StringComparison.Ordinal);
        Assert.Contains(problem, messages, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_articles_folder_stops_the_host_at_start_saying_so()
    {
        var articles = Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;
        using var factory = RealHost(articles);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("holds no Markdown articles", string.Join(" | ", Chain(error).Select(e => e.Message)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_file_damaged_behind_a_matching_checksum_is_retrained_at_start_and_the_host_serves()
    {
        // Given a model trained by a first host, then damaged with its metadata rewritten to match
        var articles = Path.Combine(RepositoryRoot.Path, "data", "articles");
        using (var first = RealHost(articles))
        {
            first.CreateClient();
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

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }
}
