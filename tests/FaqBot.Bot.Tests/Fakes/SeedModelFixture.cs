using FaqBot.Classifier.Answering;
using FaqBot.Classifier.Hosting;
using FaqBot.Knowledge.Extraction;

namespace FaqBot.Bot.Tests.Fakes;

/// <summary>
/// The real answer engine, trained once for the whole test run on the seed article (as the hosts' loading service does:
/// extract, load or train, serve), with its model written to a temporary folder so tests never touch <c>data/model</c>.
/// </summary>
public sealed class SeedModelFixture : IDisposable
{
    private readonly string _modelDirectory = Path.Combine(Path.GetTempPath(), "faqbot-bot-model", Guid.NewGuid().ToString("n"));

    public SeedModelFixture()
    {
        var loader = new AnswerEngineLoader(new ClassifierOptions { ModelDirectory = _modelDirectory }, RepositoryRoot.Path);
        var knowledgeBase = KnowledgeExtractor.ExtractDirectory(Path.Combine(RepositoryRoot.Path, "data", "articles"));
        Engine = new AnswerEngine(loader.LoadOrTrain(knowledgeBase, out _), loader);
    }

    public IAnswerEngine Engine { get; }

    public void Dispose()
    {
        if (Directory.Exists(_modelDirectory))
        {
            Directory.Delete(_modelDirectory, recursive: true);
        }
    }
}
