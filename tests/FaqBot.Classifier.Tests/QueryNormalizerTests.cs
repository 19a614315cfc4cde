using FaqBot.Classifier.Text;
using FaqBot.Classifier.Training;
using FaqBot.Knowledge.Extraction;

namespace FaqBot.Classifier.Tests;

public sealed class QueryNormalizerTests
{
    private static readonly QueryNormalizer Normalizer = NormalizerFactory.Create(
        KnowledgeExtractor.ExtractDirectory(RepoPaths.Articles), ClassifierData.Load(RepoPaths.ClassifierData));

    [Fact]
    public void Stopwords_are_dropped_before_typo_correction_so_they_never_become_article_words()
    {
        Assert.Equal(["pore", "work"], Normalizer.Stems("do pores actually work"));
    }

    [Fact]
    public void A_word_whose_stem_the_articles_use_is_not_corrected_to_a_neighbour()
    {
        Assert.Contains("unclog", Normalizer.Stems("unclogging pores"));
        Assert.DoesNotContain("clog", Normalizer.Stems("unclogging pores"));
    }

    [Theory]
    [InlineData("offen", "often")]
    [InlineData("blakheads", "blackhead")]
    public void Typos_of_five_letters_or_more_are_corrected(string typo, string stem)
    {
        Assert.Equal([stem], Normalizer.Stems(typo));
    }

    [Theory]
    [InlineData("skn", "skin")]
    [InlineData("fce", "face")]
    public void A_short_word_missing_one_letter_of_a_common_article_word_is_corrected(string typo, string stem)
    {
        Assert.Equal([stem], Normalizer.Stems(typo));
    }

    [Theory]
    [InlineData("rice")]
    [InlineData("cook")]
    public void Four_letter_words_outside_the_articles_stay_unknown(string word)
    {
        var stem = Assert.Single(Normalizer.Stems(word));
        Assert.False(Normalizer.IsKnowledgeStem(stem));
    }

    [Fact]
    public void Text_speak_and_common_misspellings_are_spelt_out_in_questions_and_articles_alike()
    {
        Assert.Equal(Normalizer.Stems("should I receive it"), Normalizer.Stems("shud u recieve it"));
        Assert.Equal(Normalizer.DocumentStems("receive"), Normalizer.Stems("recieve"));
    }
}
