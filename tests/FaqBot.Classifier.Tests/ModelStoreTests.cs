using FaqBot.Classifier.Answering;
using FaqBot.Classifier.Hosting;
using FaqBot.Classifier.Training;

namespace FaqBot.Classifier.Tests;

/// <summary>Model files and training on a tiny hand-built knowledge base (fast).</summary>
public sealed class ModelStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "faqbot-store-tests-" + Guid.NewGuid().ToString("N"));

    private AnswerEngineLoader Loader() => new(new ClassifierOptions { ModelDirectory = _directory }, _directory);

    [Fact]
    public void Training_twice_with_the_same_seed_gives_the_same_model_and_the_same_answers()
    {
        var kb = TinyKnowledge.Create();
        var first = Loader().Train(kb);
        var second = Loader().Train(kb);

        Assert.Equal(first.Model.Vectors.ToBytes(), second.Model.Vectors.ToBytes());
        Assert.Equal(first.GeneratedQuestions, second.GeneratedQuestions);
        foreach (var question in new[] { "water ferns how often", "bright light", "repot spring", "fridge" })
        {
            Assert.Equal(first.Answerer.Ask(question), second.Answerer.Ask(question), OutcomeComparer.Instance);
        }
    }

    [Fact]
    public void A_missing_model_is_trained_and_saved_then_reloaded_without_training()
    {
        var kb = TinyKnowledge.Create();

        Loader().LoadOrTrain(kb, out var trainedFirst);
        var answerer = Loader().LoadOrTrain(kb, out var trainedSecond);

        Assert.True(trainedFirst);
        Assert.False(trainedSecond);
        Assert.Contains("twice a week", answerer.Ask("how often do I water my fern").Shown?.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_model_file_is_reported_and_rebuilt_never_loaded()
    {
        var kb = TinyKnowledge.Create();
        var loader = Loader();
        loader.LoadOrTrain(kb, out _);
        File.WriteAllBytes(loader.Store.ModelPath, [1, 2, 3, 4]);

        var loaded = loader.Store.TryLoad(loader.HashOf(kb), out var reason);
        var answerer = loader.LoadOrTrain(kb, out var trained);

        Assert.Null(loaded);
        Assert.Contains("corrupt", reason, StringComparison.Ordinal);
        Assert.True(trained);
        Assert.NotNull(answerer.Ask("which light do ferns like").Shown);
    }

    [Fact]
    public void Corrupt_metadata_is_reported_not_thrown()
    {
        var kb = TinyKnowledge.Create();
        var loader = Loader();
        loader.LoadOrTrain(kb, out _);
        File.WriteAllText(loader.Store.MetadataPath, "{ not json");

        Assert.Null(loader.Store.TryLoad(loader.HashOf(kb), out var reason));
        Assert.Contains("could not be read", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_for_other_articles_is_not_served()
    {
        var kb = TinyKnowledge.Create();
        var loader = Loader();
        loader.LoadOrTrain(kb, out _);
        var changed = kb with { Entries = kb.Entries.Take(2).ToList() };

        Assert.Null(loader.Store.TryLoad(loader.HashOf(changed), out var reason));
        Assert.Contains("another version", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_swaps_in_a_model_for_the_new_knowledge_base()
    {
        var kb = TinyKnowledge.Create();
        var loader = Loader();
        var engine = new AnswerEngine(loader.LoadOrTrain(kb, out _), loader);
        var smaller = kb with { Entries = kb.Entries.Take(2).ToList() };

        var trained = engine.Reload(smaller);

        Assert.True(trained);
        Assert.Equal(2, engine.Status.Entries);
        Assert.Null(engine.FindEntry("tiny--how-do-i-repot-a-fern"));
    }

    [Fact]
    public void A_retrain_whose_texts_all_have_vectors_never_loads_the_embedding_model()
    {
        // Given the vectors of a model trained on the same articles
        var kb = TinyKnowledge.Create();
        var loader = Loader();
        var first = loader.Train(kb);

        // When it is trained again with an embedder that must not be needed
        var trainer = new AnswerModelTrainer(loader.TrainerSettings, () => throw new InvalidOperationException("the embedder was loaded"));
        var again = trainer.Train(kb, loader.Data, first.Model.Vectors);

        // Then nothing is embedded and the model is the same
        Assert.Equal(0, again.Model.Metadata.Embedded);
        float[] features = [.. Enumerable.Range(0, Ranking.FeatureCount).Select(i => 0.1f * (i % 10))];
        Assert.Equal(first.Model.Scope.Probability(features), again.Model.Scope.Probability(features));
        Assert.Equal(first.Model.Vectors.ToBytes(), again.Model.Vectors.ToBytes());
    }

    [Fact]
    public void A_trained_model_is_served_over_the_index_it_was_trained_with()
    {
        var kb = TinyKnowledge.Create();
        var loader = Loader();

        var answerer = loader.LoadOrTrain(kb, out var trained);

        Assert.True(trained);
        Assert.Equal(loader.Store.TryLoad(loader.HashOf(kb), out _)!.Metadata.ModelSha256, answerer.Model.Metadata.ModelSha256);
        Assert.Contains("twice a week", answerer.Ask("how often do I water my fern").Shown?.Text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
