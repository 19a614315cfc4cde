using FaqBot.Classifier.Answering;
using FaqBot.Classifier.Hosting;
using FaqBot.Knowledge.Extraction;
using FaqBot.Knowledge.Model;

namespace FaqBot.Classifier.Tests;

/// <summary>Trains one engine on the seed article per test class (training is the expensive part; CI has 2 cores).</summary>
public sealed class SeedEngineFixture : IDisposable
{
    public SeedEngineFixture()
    {
        ModelDirectory = Path.Combine(Path.GetTempPath(), "faqbot-classifier-tests-" + Guid.NewGuid().ToString("N"));
        KnowledgeBase = KnowledgeExtractor.ExtractDirectory(RepoPaths.Articles);
        Options = new ClassifierOptions { ModelDirectory = ModelDirectory, DataDirectory = RepoPaths.ClassifierData };
        Loader = new AnswerEngineLoader(Options, RepoPaths.Root);
        Engine = new AnswerEngine(Loader.LoadOrTrain(KnowledgeBase, out var trained), Loader);
        Trained = trained;
    }

    public string ModelDirectory { get; }

    public KnowledgeBase KnowledgeBase { get; }

    public ClassifierOptions Options { get; }

    public AnswerEngineLoader Loader { get; }

    public AnswerEngine Engine { get; }

    public bool Trained { get; }

    public void Dispose()
    {
        if (Directory.Exists(ModelDirectory))
        {
            Directory.Delete(ModelDirectory, recursive: true);
        }
    }
}
