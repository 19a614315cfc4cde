using System.Net;
using FaqBot.Hosting;
using FaqBot.Web.Tests.DirectLine;
using FaqBot.Web.Tests.Hosts;
using FaqBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.Web.Tests.Faults;

/// <summary>
/// Folders the host cannot write (a read-only volume) never stop it answering (issue 17 item 8): it serves what it can,
/// tells users only what was really kept, logs a warning and says <c>degraded</c> in /healthz with the reason.
/// </summary>
public sealed class ReadOnlyStorageTests : IDisposable
{
    private const string InScope = "How often should I deep clean my pores?";
    private const string OutOfScope = "What is the capital of France?";

    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-readonly-").FullName;

    [Fact]
    public async Task With_a_data_folder_it_cannot_write_the_host_answers_says_degraded_with_the_reason_and_never_says_it_noted_a_question()
    {
        // Given a data folder the host cannot write (a path under a regular file when nothing else stops root)
        var data = Directory.CreateDirectory(Path.Combine(_folder, "data")).FullName;
        using var locked = ReadOnlyFolder.TryLock(data);
        var dataDirectory = locked is null ? UnderAFile("data") : data;
        var logs = new CapturingLoggerProvider();
        using var factory = RealHost(
            Path.Combine(RepositoryRoot.Path, "data", "articles"), Path.Combine(_folder, "model"), dataDirectory, logs);

        // When the host starts and is asked one question it covers and one it does not
        var http = factory.CreateClient();
        await factory.WaitUntilReadyAsync();
        var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        var replies = await AskAsync(http, InScope, OutOfScope);

        // Then /healthz is degraded (still 200) and names the feedback database, the bot answers, and its decline does not
        // claim the question was noted
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var body = await Json.ReadObjectAsync(health);
        Assert.Equal("degraded", body["status"]!.GetValue<string>());
        Assert.Contains("feedback.db", body["feedbackError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(body["feedbackErrorAt"]);
        Assert.Contains("week", replies[0], StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Sorry", replies[1], StringComparison.Ordinal);
        Assert.DoesNotContain("noted", replies[1], StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(Path.Combine(dataDirectory, "feedback.db")), locked?.How);
        Assert.Contains(logs.Entries, e => e.Contains("FeedbackStoreCheck Warning", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_a_stale_model_in_a_folder_it_cannot_write_the_host_serves_the_model_it_trained_from_memory_warns_and_says_degraded()
    {
        // Given a model trained on an earlier version of the article, in a model folder then made read-only
        var articles = Directory.CreateDirectory(Path.Combine(_folder, "articles")).FullName;
        var article = Path.Combine(articles, "pores.md");
        File.Copy(Path.Combine(RepositoryRoot.Path, "data", "articles", "how-to-deep-clean-pores.md"), article);
        var model = Path.Combine(_folder, "model");
        using (var first = RealHost(articles, model, Path.Combine(_folder, "data")))
        {
            first.CreateClient();
            await first.WaitUntilReadyAsync();
        }

        File.AppendAllText(article, "\n\n## Storing the extractor\n\nKeep the comedone extractor in a dry drawer, wrapped in a clean cloth.\n");
        var staleMetadata = File.ReadAllBytes(Path.Combine(model, "answer-model.json"));
        using var locked = ReadOnlyFolder.TryLock(model);
        var modelDirectory = locked is null ? UnderAFile("model") : model;

        // When a second host starts on the edited article
        var logs = new CapturingLoggerProvider();
        using var second = RealHost(articles, modelDirectory, Path.Combine(_folder, "data"), logs);
        var http = second.CreateClient();
        await second.Services.GetRequiredService<AnswerEngineService>().ReloadNowAsync();
        var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        var replies = await AskAsync(http, InScope);

        // Then it serves the model it trained (no raw IOException), warns that it could not save it, and /healthz is
        // degraded with the reason while the stale model on disk is left as it was
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var body = await Json.ReadObjectAsync(health);
        Assert.Equal("degraded", body["status"]!.GetValue<string>());
        Assert.True(body["modelLoaded"]!.GetValue<bool>());
        Assert.Null(body["lastReloadError"]);
        Assert.Contains(modelDirectory, body["modelNotSaved"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("week", replies[0], StringComparison.OrdinalIgnoreCase);
        Assert.Contains(logs.Entries, e => e.Contains("AnswerEngineService Warning", StringComparison.Ordinal)
            && e.Contains("could not save it", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Contains(" Error ", StringComparison.Ordinal) && e.Contains("IOException", StringComparison.Ordinal));
        if (locked is not null)
        {
            Assert.Equal(staleMetadata, File.ReadAllBytes(Path.Combine(model, "answer-model.json")));
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    // A folder below a regular file can be neither created nor written, whoever runs the tests.
    private string UnderAFile(string name)
    {
        var file = Path.Combine(_folder, $"{name}-is-a-file");
        File.WriteAllText(file, "not a folder");
        return Path.Combine(file, name);
    }

    private static FaqBotWebFactory RealHost(string articles, string model, string data, ILoggerProvider? logs = null) =>
        new(new Dictionary<string, string?>
        {
            ["Knowledge:ArticlesDirectory"] = articles,
            ["Knowledge:Reload:Enabled"] = "false",
            ["Classifier:ModelDirectory"] = model,
            ["Bot:DataDirectory"] = data,
        })
        {
            UseTestBot = false,
            UseManualClock = false,
            ConfigureServices = logs is null ? null : services => services.AddSingleton(logs),
        };

    // The bot's last reply to each question, asked in turn through Direct Line.
    private static async Task<IReadOnlyList<string>> AskAsync(HttpClient http, params string[] questions)
    {
        var chat = new DirectLineClient(http);
        await chat.StartAsync();
        var replies = new List<string>();
        foreach (var question in questions)
        {
            await chat.SendAsync(question);
            var (activities, _) = await chat.ReadAsync();
            replies.Add(activities.LastOrDefault(a => a!["from"]?["id"]?.GetValue<string>() != chat.UserId)?["text"]?.GetValue<string>() ?? "");
        }

        return replies;
    }
}
