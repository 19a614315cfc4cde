using FaqBot.Classifier.Answering;
using FaqBot.Classifier.Hosting;
using FaqBot.Classifier.Storage;

namespace FaqBot.Classifier.Tests;

public sealed class AnswerEngineTests(SeedEngineFixture fixture) : IClassFixture<SeedEngineFixture>
{
    [Fact]
    public void A_single_fact_question_gets_the_paragraph_that_holds_the_fact()
    {
        var result = fixture.Engine.Ask("which clays are used in masks");

        Assert.NotNull(result.Shown);
        Assert.Contains("kaolin", result.Shown?.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("bentonite", result.Shown?.Text, StringComparison.OrdinalIgnoreCase);
        var section = fixture.Engine.FindEntry(result.Shown!.EntryId)!;
        Assert.True(result.Shown.Text.Length < section.Answer.Length, "the answer should be the passages that hold the fact, not the whole section");
    }

    [Theory]
    [InlineData("how do I clean my fridge")]
    [InlineData("what conditioner suits curly hair")]
    public void Out_of_scope_questions_are_declined(string question)
    {
        var result = fixture.Engine.Ask(question);

        Assert.IsType<Declined>(result);
        Assert.Null(result.Shown);
    }

    [Fact]
    public void A_lead_in_sentence_is_shown_with_the_list_it_introduces()
    {
        var result = fixture.Engine.Ask("signs i should consider professional help for my pores");

        Assert.NotNull(result.Shown);
        Assert.Contains("Consider professional help if:", result.Shown?.Text, StringComparison.Ordinal);
        Assert.Contains("cystic acne", result.Shown?.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("which clays are used in masks")]
    [InlineData("how long should i steam my face")]
    [InlineData("what should i do after deep cleaning")]
    [InlineData("does stress cause breakouts")]
    public void The_first_answer_stays_one_chat_message(string question)
    {
        var result = fixture.Engine.Ask(question);

        Assert.NotNull(result.Shown);
        Assert.True(result.Shown!.Text.Length <= AnswerSettings.Default.MaxShownLength, $"{result.Shown.Text.Length} characters shown for '{question}'");
    }

    [Theory]
    [InlineData("what's the routine to deep clean pores")]
    [InlineData("how can i unclog pores")]
    public void Generic_questions_about_the_main_subject_get_the_article_summary(string question)
    {
        var result = fixture.Engine.Ask(question);

        Assert.Equal("how-to-deep-clean-pores--overview", result.Shown?.EntryId);
    }

    [Theory]
    [InlineData("what is salicylic acid", "beta-hydroxy acid")]
    [InlineData("what does non comedogenic mean", "not to clog pores")]
    public void A_what_is_question_gets_the_passage_that_defines_the_term(string question, string definition)
    {
        var result = fixture.Engine.Ask(question);

        Assert.NotNull(result.Shown);
        Assert.Contains(definition, result.Shown?.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_typo_ridden_question_is_still_answered_with_the_fact()
    {
        var result = fixture.Engine.Ask("do pore strips realy work");

        Assert.NotNull(result.Shown);
        Assert.Contains("superficial blackheads", result.Shown?.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("which clays are used in masks")]
    [InlineData("how long should i steam my face")]
    [InlineData("how do I clean my fridge")]
    [InlineData("what conditioner suits curly hair")]
    [InlineData("is it ok to pop pimples")]
    [InlineData("what's 17 times 23")]
    public void The_confidence_shown_is_the_one_compared_with_the_decline_threshold(string question)
    {
        var result = fixture.Engine.Ask(question);
        var threshold = fixture.Engine.Current.Settings.DeclineThreshold;

        Assert.Equal(result is Declined, result.Confidence < threshold);
        Assert.Equal(result.Confidence, result.Shown?.Confidence ?? result.Confidence);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t  ")]
    [InlineData("😀🔥💯")]
    [InlineData("¿Cómo limpio mis poros en profundidad?")]
    [InlineData("如何深层清洁毛孔")]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("<b>how often</b> should I <i>deep clean</i> my pores?")]
    public void Bad_input_is_answered_or_declined_without_throwing(string question)
    {
        var result = fixture.Engine.Ask(question);

        Assert.Equal(question, result.Question);
        Assert.True(result is Declined ? result.Shown is null : result.Shown is not null);
    }

    [Fact]
    public void A_ten_thousand_character_question_is_handled()
    {
        var question = string.Concat(Enumerable.Repeat("pores ", 1700));

        var result = fixture.Engine.Ask(question[..10_000]);

        Assert.Equal(10_000, result.Question.Length);
    }

    [Fact]
    public void Results_carry_entry_heading_path_link_and_three_alternatives()
    {
        var result = fixture.Engine.Ask("how long should I leave a clay mask on");

        Assert.NotNull(result.Shown);
        Assert.NotNull(fixture.Engine.FindEntry(result.Shown!.EntryId));
        Assert.Contains("›", result.Shown?.Source, StringComparison.Ordinal);
        Assert.StartsWith("https://", result.Shown?.Link, StringComparison.Ordinal);
        Assert.Equal(3, result.Alternatives.Count);
        Assert.Equal(result.Shown?.EntryId, result.Alternatives[0].EntryId);
    }

    [Fact]
    public void The_calibrated_thresholds_are_stored_with_the_model_and_configuration_overrides_them()
    {
        var stored = new ModelStore(fixture.ModelDirectory).TryLoad(fixture.Loader.HashOf(fixture.KnowledgeBase), out var reason);
        Assert.NotNull(stored);
        Assert.Equal("", reason);
        Assert.Equal(fixture.Engine.Current.Settings.DeclineThreshold, stored.Metadata.DeclineThreshold);

        var overridden = new AnswerEngineLoader(
            new ClassifierOptions { ModelDirectory = fixture.ModelDirectory, DataDirectory = RepoPaths.ClassifierData, DeclineThreshold = 0.999f, ClarificationMargin = 0.5f },
            RepoPaths.Root);
        var answerer = overridden.LoadOrTrain(fixture.KnowledgeBase, out var trained);

        Assert.False(trained);
        Assert.Equal(0.999f, answerer.Settings.DeclineThreshold);
        Assert.Equal(0.5f, answerer.Settings.ClarificationMargin);
        Assert.IsType<Declined>(answerer.Ask("which clays are used in masks"));
    }
}
