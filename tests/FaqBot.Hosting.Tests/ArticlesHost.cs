using System.Threading.Channels;
using FaqBot.Hosting.Reloading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace FaqBot.Hosting.Tests;

/// <summary>
/// A generic host wired as the web host and the CLI wire it (<see cref="AnswerEngineHostingExtensions.AddAnswerEngine"/>),
/// over a scratch folder: its own content root, articles wherever the test puts them, a real watcher and real training.
/// </summary>
internal sealed class ArticlesHost : IAsyncDisposable
{
    public const string SeedArticle = "how-to-deep-clean-pores.md";

    private readonly IHost _host;
    private readonly Channel<KnowledgeReloadResult> _results = Channel.CreateUnbounded<KnowledgeReloadResult>();

    private ArticlesHost(IHost host, FakeLogCollector logs)
    {
        _host = host;
        Logs = logs;
        Service.Reloaded += r => _results.Writer.TryWrite(r);
    }

    public AnswerEngineHost Engines => _host.Services.GetRequiredService<AnswerEngineHost>();

    public AnswerEngineService Service => _host.Services.GetRequiredService<AnswerEngineService>();

    public FakeLogCollector Logs { get; }

    /// <summary>
    /// Builds and starts the host with <c>Knowledge:ArticlesDirectory</c> = <paramref name="articles"/>, and any other
    /// <paramref name="settings"/> (such as <c>Knowledge:BaseUrl</c>).
    /// </summary>
    public static async Task<ArticlesHost> StartAsync(
        string contentRoot, string articles, string modelDirectory, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot, Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:ArticlesDirectory"] = articles,
            ["Knowledge:Reload:Debounce"] = "00:00:00.200",
            ["Knowledge:Reload:PollInterval"] = "00:00:00.250",
            ["Classifier:ModelDirectory"] = modelDirectory,
            ["Classifier:DataDirectory"] = Path.Combine(RepositoryRoot.Path, "data", "classifier"),
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        builder.Logging.AddFakeLogging();
        builder.AddAnswerEngine();
        var host = builder.Build();
        var started = new ArticlesHost(host, host.Services.GetRequiredService<FakeLogCollector>());
        await host.StartAsync();
        return started;
    }

    /// <summary>The next load or reload result that <paramref name="wanted"/> accepts (those in between are skipped).</summary>
    public async Task<KnowledgeReloadResult> NextAsync(Func<KnowledgeReloadResult, bool>? wanted = null)
    {
        // The timeout only turns a hang into a failure; nothing is timed.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            var result = await _results.Reader.ReadAsync(timeout.Token);
            if (wanted?.Invoke(result) ?? true)
            {
                return result;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
