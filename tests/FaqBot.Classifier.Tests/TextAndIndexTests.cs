using FaqBot.Classifier.Answering;
using FaqBot.Classifier.Text;

namespace FaqBot.Classifier.Tests;

public sealed class TextAndIndexTests
{
    [Fact]
    public void Tokenizer_lowercases_words_drops_apostrophes_and_splits_on_everything_else()
    {
        Assert.Equal(["whats", "the", "best", "bha", "2", "use"], Tokenizer.Split("What's the BEST bha (2%)—use?"));
        Assert.Equal(["dont"], Tokenizer.Split("don\u2019t"));
        Assert.Empty(Tokenizer.Split("  ?! "));
    }

    [Fact]
    public void Tokenizer_reads_only_the_first_thousand_characters_of_a_huge_message()
    {
        var tokens = Tokenizer.Split(string.Concat(Enumerable.Repeat("pore ", 10_000)));
        Assert.Equal(Tokenizer.MaxChars / 5, tokens.Count);
    }

    [Fact]
    public void Lexicon_rewrites_the_longest_phrase_first_and_leaves_other_words_alone()
    {
        var lexicon = new Lexicon([new("face wash", "cleanser"), new("face", "skin"), new("u", "you")]);

        Assert.Equal(["can", "you", "use", "cleanser", "on", "skin"], lexicon.Apply(Tokenizer.Split("can u use face wash on face")));
    }

    [Fact]
    public void Lexicon_skips_expanding_rules_on_article_text_but_applies_them_to_questions()
    {
        var lexicon = new Lexicon([new("causes", "causes factors"), new("face wash", "cleanser")]);
        var tokens = Tokenizer.Split("causes of acne and face wash");

        Assert.Equal(["causes", "factors", "of", "acne", "and", "cleanser"], lexicon.Apply(tokens));
        Assert.Equal(["causes", "of", "acne", "and", "cleanser"], lexicon.Apply(tokens, expand: false));
    }

    [Fact]
    public void Passage_index_scores_only_passages_sharing_a_stem_and_prefers_the_one_that_repeats_it()
    {
        var index = new PassageIndex([["clay", "mask", "clay", "oil"], ["steam", "pore", "open"], ["mask", "rinse", "water", "week"]]);
        var scores = new double[index.Count];

        index.Score(["clay", "mask"], scores);

        Assert.True(scores[0] > scores[2]);
        Assert.True(scores[2] > 0);
        Assert.Equal(0, scores[1]);
        Assert.False(index.Contains("never-seen"));
        Assert.Equal(index.MaxIdf, index.Idf("never-seen"));
    }
}
