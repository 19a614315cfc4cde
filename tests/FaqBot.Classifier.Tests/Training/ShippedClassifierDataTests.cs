using System.Text.RegularExpressions;
using FaqBot.Classifier.Evaluation;
using FaqBot.Classifier.Tests.Evaluation;
using FaqBot.Classifier.Text;
using FaqBot.Classifier.Training;

namespace FaqBot.Classifier.Tests.Training;

/// <summary>
/// The shipped <c>data/classifier</c> files serve every knowledge base, so they hold general English only: no
/// vocabulary of the bundled skincare article, and negatives spread over many topics rather than one template.
/// </summary>
public sealed partial class ShippedClassifierDataTests
{
    private static readonly ClassifierData Data = ClassifierData.Load(RepoPaths.ClassifierData);

    public static TheoryData<string> ShippedFiles => [ClassifierData.LexiconFile, ClassifierData.NegativesFile];

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void A_shipped_file_has_no_skincare_words(string file)
    {
        var withSkincare = Entries(file).Where(e => SkincareWord().IsMatch(e)).ToList();

        Assert.Empty(withSkincare);
    }

    [Theory]
    [InlineData("can u recommend a good toner", true)]
    [InlineData("Exfoliating twice a week?", true)]
    [InlineData("best clay mask", true)]
    [InlineData("is face steaming worth it", true)]
    [InlineData("my skin care routine", true)]
    [InlineData("zits\tbreakouts", true)]
    [InlineData("medium rare steak internal temp", false)]
    [InlineData("important exam tomorrow", false)]
    [InlineData("skinny jeans for tall guys", false)]
    public void Skincare_words_are_matched_as_whole_words_in_any_form(string text, bool matches)
    {
        Assert.Equal(matches, SkincareWord().IsMatch(text));
    }

    [Fact]
    public void No_how_to_verb_opens_more_than_two_percent_of_the_negatives()
    {
        var negatives = Data.Negatives;

        var crowdedVerbs = negatives
            .Select(n => HowToVerb().Match(n))
            .Where(m => m.Success)
            .GroupBy(m => m.Groups["verb"].Value.ToLowerInvariant())
            .Where(g => g.Count() > negatives.Count * 0.02)
            .Select(g => $"{g.Key}: {g.Count()} of {negatives.Count}")
            .ToList();

        Assert.Empty(crowdedVerbs);
    }

    [Fact]
    public void Every_negative_is_written_once()
    {
        var repeated = Data.Negatives
            .GroupBy(n => n.ToLowerInvariant())
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();

        Assert.Empty(repeated);
    }

    [Fact]
    public void No_far_off_test_question_is_a_shipped_negative()
    {
        var negatives = Data.Negatives.Select(Words).ToHashSet();

        var copied = FarOffQuestions.Load().Where(q => negatives.Contains(Words(q))).ToList();

        Assert.Empty(copied);
    }

    [Fact]
    public void No_development_set_question_is_a_shipped_negative()
    {
        var negatives = Data.Negatives.Select(Words).ToHashSet();

        var copied = Directory.GetFiles(RepoPaths.EvaluationSets("dev"), "questions.tsv", SearchOption.AllDirectories)
            .SelectMany(EvaluationSet.Load)
            .Where(q => negatives.Contains(Words(q.Question)))
            .Select(q => q.Question)
            .ToList();

        Assert.Empty(copied);
    }

    // The same question whatever its case, punctuation and spacing.
    private static string Words(string question) => string.Join(' ', Tokenizer.Split(question));

    // Rules and questions only: a comment may name what the file leaves out.
    private static IEnumerable<string> Entries(string file) => file == ClassifierData.LexiconFile
        ? Data.LexiconText.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
        : Data.Negatives;

    // The listed terms as whole words, with plurals; "exfoliat", "moisturi" and "steam" take any ending.
    [GeneratedRegex(
        @"\b(pores?|blackheads?|whiteheads?|acne|zits?|pimples?|sebum|sebaceous|exfoliat\w*|comedogenic|salicylic|glycolic"
        + @"|retinols?|moisturi\w*|cleansers?|toners?|serums?|clay\s+masks?|kaolin|bentonite|steam\w*|skin\s*care"
        + @"|complexions?|breakouts?)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex SkincareWord();

    // "how do i clean", "how to clean", "best way to clean": the verb a how-to question opens with.
    [GeneratedRegex(
        @"^(?:how (?:do|can|should|would|could) (?:i|you|we)|how to|what'?s the best way to|best way to|ways to) (?<verb>\w+)",
        RegexOptions.IgnoreCase)]
    private static partial Regex HowToVerb();
}
