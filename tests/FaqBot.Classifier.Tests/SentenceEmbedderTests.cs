using FaqBot.Classifier.Embeddings;

namespace FaqBot.Classifier.Tests;

public sealed class SentenceEmbedderTests
{
    [Fact]
    public void A_question_asked_again_in_any_case_reuses_its_vector_instead_of_running_the_model_again()
    {
        var embedder = SentenceEmbedder.Shared;
        var first = embedder.EmbedQuery("How long does the sourdough starter keep in the fridge?");

        Assert.Same(first, embedder.EmbedQuery("How long does the sourdough starter keep in the fridge?"));
        Assert.Same(first, embedder.EmbedQuery("how long does the SOURDOUGH starter keep in the fridge?"));
        Assert.NotSame(first, embedder.EmbedQuery("How long does the sourdough starter keep in the freezer?"));
    }

    [Fact]
    public void A_remembered_vector_is_the_one_the_model_gives()
    {
        var embedder = SentenceEmbedder.Shared;
        const string Question = "Can I wash the cover at sixty degrees?";

        var fresh = embedder.Embed([SentenceEmbedder.QueryText(Question)])[0];
        embedder.EmbedQuery(Question);

        Assert.Equal(fresh, embedder.EmbedQuery(Question), (a, b) => Math.Abs(a - b) < 1e-5f);
    }

    [Fact]
    public void An_embedder_that_does_not_remember_runs_the_model_for_every_question_and_gives_the_same_vector()
    {
        using var embedder = new SentenceEmbedder(rememberQueries: false);
        const string Question = "Does the starter need feeding while I am away?";

        var first = embedder.EmbedQuery(Question);
        var again = embedder.EmbedQuery(Question);

        Assert.NotSame(first, again);
        Assert.Equal(SentenceEmbedder.Shared.EmbedQuery(Question), again, (a, b) => Math.Abs(a - b) < 1e-5f);
    }
}
