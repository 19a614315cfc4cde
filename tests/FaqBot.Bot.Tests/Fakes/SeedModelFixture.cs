using FaqBot.Classifier.Answering;
using FaqBot.Classifier.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Bot.Tests.Fakes;

/// <summary>
/// The real answer engine, trained once for the whole test run on the seed article (through <c>AddAnswerEngine()</c>, as
/// the hosts do), with its model written to a temporary folder so tests never touch <c>data/model</c>.
/// </summary>
public sealed class SeedModelFixture : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _modelDirectory = Path.Combine(Path.GetTempPath(), "faqbot-bot-model", Guid.NewGuid().ToString("n"));

    public SeedModelFixture()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Classifier:ModelDirectory"] = _modelDirectory,
                ["Knowledge:ArticlesDirectory"] = Path.Combine(RepositoryRoot.Path, "data", "articles"),
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddAnswerEngine(RepositoryRoot.Path);
        _services = services.BuildServiceProvider();
        Engine = _services.GetRequiredService<IAnswerEngine>();
    }

    public IAnswerEngine Engine { get; }

    public void Dispose()
    {
        _services.Dispose();
        if (Directory.Exists(_modelDirectory))
        {
            Directory.Delete(_modelDirectory, recursive: true);
        }
    }
}
