using FaqBot.Classifier.Training;
using FaqBot.Knowledge.Model;

namespace FaqBot.Classifier.Tests.Training;

public sealed class QuestionGeneratorTests
{
    [Fact]
    public void The_same_knowledge_base_and_seed_give_the_same_questions()
    {
        var first = QuestionGenerator.Generate(TinyKnowledge.Create(), seed: 7);
        var second = QuestionGenerator.Generate(TinyKnowledge.Create(), seed: 7);

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Editing_one_entry_leaves_the_questions_of_the_others_unchanged()
    {
        var original = TinyKnowledge.Create();
        var edited = original with
        {
            Entries = [.. original.Entries.Select((e, i) => i == 0 ? Rewritten(e, "Water ferns every few days in summer. Let the top of the soil dry a little first.") : e)],
        };

        var before = QuestionGenerator.Generate(original, seed: 1);
        var after = QuestionGenerator.Generate(edited, seed: 1);

        var untouched = QuestionGenerator.Generate(original with { Entries = [.. original.Entries.Skip(1)] }, seed: 1);
        Assert.NotEmpty(untouched);
        Assert.All(untouched, q => Assert.Contains(q, after));
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void A_large_knowledge_base_keeps_at_most_the_limit_without_repeats()
    {
        var questions = QuestionGenerator.Generate(TinyKnowledge.Create(), seed: 1, limit: 5);

        Assert.Equal(5, questions.Count);
        Assert.Equal(questions.Count, questions.Distinct(StringComparer.Ordinal).Count());
    }

    private static FaqEntry Rewritten(FaqEntry entry, string text) => entry with
    {
        Answer = text,
        Passages = [new Passage(entry.Passages[0].Id, PassageKind.Paragraph, text, text)],
    };
}
