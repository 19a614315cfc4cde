using System.Collections.Concurrent;
using CsCheck;

namespace FaqBot.Knowledge.Tests.Fuzzing;

/// <summary>
/// Short fuzz run of the extractor: hostile article files are either accepted or rejected with an
/// <see cref="ArticleFormatException"/>; nothing else may escape. The long run is benchmarks/fuzz (counts in docs/reliability.md).
/// </summary>
public sealed class ArticleExtractorFuzzTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-fuzz-").FullName;

    [Fact]
    public void Hostile_article_files_are_accepted_or_rejected_with_an_ArticleFormatException()
    {
        var outcomes = new ConcurrentBag<ArticleFuzzOutcome>();
        ArticleMutations.Any(SeedArticle.Bytes).Sample(bytes =>
        {
            var outcome = ArticleFuzzOutcome.Run(bytes, Path.Combine(_folder, $"{Guid.NewGuid():N}.md"));
            outcomes.Add(outcome);
            return outcome.Kind != "crash";
        }, iter: 300, print: bytes => $"{bytes.Length} bytes: {Preview(bytes)}");

        // The mix must exercise both paths, or the generators have gone blind.
        Assert.Contains(outcomes, o => o.Kind == "accepted");
        Assert.Contains(outcomes, o => o.Kind == "rejected");
    }

    [Theory]
    [InlineData(200)]
    [InlineData(5_000)]
    [InlineData(50_000)]
    public void Deeply_nested_block_quotes_are_rejected_or_parsed_never_thrown_raw(int depth)
    {
        var text = "# Title\n\nSome text.\n\n" + new string('>', depth) + " deep\n";
        var outcome = ArticleFuzzOutcome.Run(System.Text.Encoding.UTF8.GetBytes(text), Path.Combine(_folder, "deep.md"));

        Assert.True(outcome.Kind != "crash", outcome.Detail);
    }

    // Found by the in-suite fuzz (three deep-nesting mutations landing in one paragraph): Markdig caps brackets and block
    // quotes, but nests emphasis as deep as the input goes (60,000 stars, 30,000 levels), and walking that recursively
    // overflowed the stack and killed the process.
    [Theory]
    [InlineData('*', 60_000)]
    [InlineData('_', 60_000)]
    [InlineData('[', 20_000)]
    [InlineData('~', 20_000)]
    public void Deeply_nested_emphasis_and_brackets_in_an_answer_are_parsed_or_rejected_never_crash(char delimiter, int depth)
    {
        var closing = delimiter == '[' ? ']' : delimiter;
        var text = $"# Title\n\n## A section\n\nBefore {new string(delimiter, depth)}x{new string(closing, depth)} after.\n";
        var outcome = ArticleFuzzOutcome.Run(System.Text.Encoding.UTF8.GetBytes(text), Path.Combine(_folder, "deep-inline.md"));

        Assert.True(outcome.Kind != "crash", outcome.Detail);
    }

    [Theory]
    [InlineData("title: [unclosed How To Deep Clean Pores")]
    [InlineData("title: {unclosed")]
    [InlineData("tags: [a, b")]
    public void Front_matter_with_an_unclosed_flow_collection_is_rejected_with_an_ArticleFormatException(string yamlLine)
    {
        var text = $"---\n{yamlLine}\ncategory: Skincare\n---\n\n# Title\n\nSome text.\n";
        var outcome = ArticleFuzzOutcome.Run(System.Text.Encoding.UTF8.GetBytes(text), Path.Combine(_folder, "yaml.md"));

        Assert.True(outcome.Kind == "rejected", outcome.Detail);
        Assert.Equal("front matter is not valid YAML", outcome.Detail);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Preview(byte[] bytes) =>
        Convert.ToHexString(bytes.AsSpan(0, Math.Min(64, bytes.Length)));
}
