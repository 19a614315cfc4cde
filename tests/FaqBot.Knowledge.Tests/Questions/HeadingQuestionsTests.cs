using FaqBot.Knowledge.Questions;

namespace FaqBot.Knowledge.Tests.Questions;

/// <summary>Headings read as the questions a user would ask; the rules are general, not written for one article.</summary>
public sealed class HeadingQuestionsTests
{
    [Theory]
    [InlineData("Understanding Your Pores: Why They Get Clogged", "Why do pores get clogged?")]
    [InlineData("When to Seek Professional Help for Pore Issues", "When should I seek professional help for pore issues?")]
    [InlineData("Preparing Your Skin for Deep Pore Cleansing", "How do I prepare my skin for deep pore cleansing?")]
    [InlineData("Lifestyle Factors for Clearer Pores", "What lifestyle factors help clearer pores?")]
    [InlineData("Exfoliation for Deep Pore Purification", "How does exfoliation help deep pore purification?")]
    [InlineData("Targeted Treatments: Masks and Extraction", "What targeted treatments (masks and extraction) help?")]
    [InlineData("Essential Cleansing Techniques and Products", "What are the essential cleansing techniques and products?")]
    [InlineData("How To Deep Clean Pores", "How do I deep clean pores?")]
    [InlineData("How to Choose a Sunscreen", "How do I choose a sunscreen?")]
    [InlineData("Where to Buy Replacement Parts", "Where should I buy replacement parts?")]
    [InlineData("Why It Happens", "Why does it happen?")]
    [InlineData("How Vaccines Work", "How do vaccines work?")]
    [InlineData("What Causes Hair Loss", "What causes hair loss?")]
    [InlineData("Why Is My Bread Dense", "Why is my bread dense?")]
    [InlineData("Choosing the Right Running Shoes", "How do I choose the right running shoes?")]
    [InlineData("Making Cold Brew at Home", "How do I make cold brew at home?")]
    [InlineData("Using Retinol Safely", "How do I use retinol safely?")]
    [InlineData("Getting Started", "How do I get started?")]
    [InlineData("Moisturizing After a Shower", "How do I moisturize after a shower?")]
    [InlineData("Key Benefits of BHA Toners", "What are the key benefits of BHA toners?")]
    [InlineData("Understanding UV Index", "What should I know about UV index?")]
    [InlineData("Sun Protection", "What is sun protection?")]
    [InlineData("Post-Cleansing Care and Pore Maintenance", "What should I know about post-cleansing care and pore maintenance?")]
    [InlineData("Can I Reuse Coffee Grounds?", "Can I Reuse Coffee Grounds?")]
    public void Heading_becomes_a_natural_question_first(string heading, string question)
    {
        var questions = HeadingQuestions.For(heading);

        Assert.Equal(question, questions[0]);
    }

    [Theory]
    [InlineData("Cleaning and Lubricating the Chain", "How do I clean and lubricate the chain?")]
    [InlineData("Washing or Drying Your Wool Sweaters", "How do I wash or dry my wool sweaters?")]
    [InlineData("Sanding, Priming and Painting a Door", "How do I sand, prime and paint a door?")]
    [InlineData("Peeling & Chopping Onions", "How do I peel & chop onions?")]
    [InlineData("Cleaning and Maintenance", "What should I know about cleaning and maintenance?")]
    public void Every_verb_coordinated_with_a_gerund_takes_the_same_form(string heading, string question)
    {
        var questions = HeadingQuestions.For(heading);

        Assert.Equal(question, questions[0]);
        Assert.DoesNotContain(questions, q => q.StartsWith("How", StringComparison.Ordinal) && q.Contains("ing ", StringComparison.Ordinal));
    }

    [Fact]
    public void Subtitle_heading_keeps_the_topic_as_a_second_phrasing()
    {
        var questions = HeadingQuestions.For("Understanding Your Pores: Why They Get Clogged");

        Assert.Contains("Understanding your pores", questions);
        Assert.Contains("Why do my pores get clogged?", questions);
    }

    [Theory]
    [InlineData("Preparing Your Skin for Deep Pore Cleansing")]
    [InlineData("Sun Protection")]
    [InlineData("Takeaway:")]
    [InlineData("  ")]
    public void Phrasings_are_distinct_and_never_empty(string heading)
    {
        var questions = HeadingQuestions.For(heading);

        Assert.NotEmpty(questions);
        Assert.Equal(questions.Count, questions.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
