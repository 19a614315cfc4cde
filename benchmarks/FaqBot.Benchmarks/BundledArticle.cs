using FaqBot.Classifier.Answering;
using FaqBot.Classifier.Embeddings;
using FaqBot.Classifier.Hosting;
using FaqBot.Knowledge.Extraction;

namespace FaqBot.Benchmarks;

/// <summary>The answer engine on the bundled article (data/articles), its model trained once into a temporary folder.</summary>
internal static class BundledArticle
{
    /// <summary>An engine whose embedder remembers recent questions (the host's), or one that embeds every question anew.</summary>
    public static AnswerEngine Engine(bool remembered)
    {
        var root = RepositoryRoot.Path;
        var kb = KnowledgeExtractor.ExtractDirectory(Path.Combine(root, "data", "articles"));
        var loader = new AnswerEngineLoader(new ClassifierOptions { ModelDirectory = Path.Combine(Path.GetTempPath(), "faqbot-bench-model") }, root);
        var answerer = loader.LoadOrTrain(kb, out _);
        if (!remembered)
        {
            answerer = new Answerer(answerer.Index, answerer.Model, new SentenceEmbedder(rememberQueries: false), answerer.Settings);
        }

        return new AnswerEngine(answerer, loader);
    }
}
