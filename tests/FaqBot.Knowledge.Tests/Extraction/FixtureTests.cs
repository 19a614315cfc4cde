using System.Text.Json;
using FaqBot.Knowledge.Extraction;
using FaqBot.Knowledge.Serialization;

namespace FaqBot.Knowledge.Tests.Extraction;

/// <summary>Each folder under Fixtures is one parser case: article.md and the salient fields of the entries it must give.</summary>
public sealed class FixtureTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(TestPaths.Fixtures).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Article_gives_the_expected_entries(string fixture)
    {
        var dir = Path.Combine(TestPaths.Fixtures, fixture);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected.json")));
        var root = expected.RootElement;

        var parsed = ArticleParser.ParseFile(Path.Combine(dir, "article.md"));

        Assert.Equal(root.GetProperty("articleId").GetString(), parsed.Article.Id);
        Assert.Equal(root.GetProperty("title").GetString(), parsed.Article.Title);
        var expectedEntries = root.GetProperty("entries").EnumerateArray().ToArray();
        Assert.Equal(expectedEntries.Select(e => e.GetProperty("id").GetString()), parsed.Entries.Select(e => e.Id));
        foreach (var (want, got) in expectedEntries.Zip(parsed.Entries))
        {
            var json = JsonSerializer.SerializeToElement(got, KnowledgeBaseJson.Options);
            Assert.Equal(want.GetProperty("kind").GetString(), json.GetProperty("kind").GetString());
            Assert.Equal(want.GetProperty("line").GetInt32(), got.Line);
            var questions = want.GetProperty("questions").EnumerateArray().Select(q => q.GetString()!).ToArray();
            Assert.Equal(questions, got.Questions.Take(questions.Length));
            Assert.StartsWith(want.GetProperty("answerStartsWith").GetString()!, got.Answer, StringComparison.Ordinal);
            Assert.Equal(want.GetProperty("headingPath").EnumerateArray().Select(h => h.GetString()), got.HeadingPath);
            Assert.Equal(want.GetProperty("link").GetString(), got.Link);
            Assert.Equal(
                want.GetProperty("passages").EnumerateArray().Select(p => p.GetString()),
                json.GetProperty("passages").EnumerateArray().Select(p => p.GetProperty("kind").GetString()));
        }
    }
}
