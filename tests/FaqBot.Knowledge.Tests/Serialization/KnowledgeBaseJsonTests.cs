using FaqBot.Knowledge.Model;
using FaqBot.Knowledge.Serialization;

namespace FaqBot.Knowledge.Tests.Serialization;

public sealed class KnowledgeBaseJsonTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static readonly KnowledgeBase Sample = new(
        [new Article("tea", "Tea", "tea.md", "About tea.", "Drinks", ["green"], null)],
        [new FaqEntry("tea--overview", "tea", EntryKind.Article, ["What is tea?"], "A drink.", ["Tea"], null,
            [new Passage("tea--overview-p1", PassageKind.Paragraph, "A drink.", "A drink.")], 3)]);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Json_is_camel_case_indented_with_enums_as_strings()
    {
        var json = KnowledgeBaseJson.Serialize(Sample);

        Assert.Contains("\n  \"articles\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"article\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"paragraph\"", json, StringComparison.Ordinal);
        Assert.Contains("\"headingPath\": [", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Written_file_reads_back_equal()
    {
        var path = Path.Combine(_folder.Path, "kb", "knowledge.json");

        await KnowledgeBaseJson.WriteAsync(path, Sample);
        var read = await KnowledgeBaseJson.ReadAsync(path);

        Assert.Equal(KnowledgeBaseHash.Compute(Sample), KnowledgeBaseHash.Compute(read));
        Assert.Equal(Sample.Entries[0].Passages[0], read.Entries[0].Passages[0]);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"articles\": [], \"entries\": [{\"id\": \"x\", \"kind\": \"bogus\"}]}")]
    [InlineData("{\"articles\": [], \"entries\": [{\"id\": \"x\", \"articleId\": \"a\", \"kind\": \"faq\", \"questions\": [], \"answer\": \"\", \"headingPath\": [], \"passages\": [], \"line\": 1}]}")]
    public void Malformed_knowledge_base_is_a_clear_error_naming_the_file(string json)
    {
        var ex = Assert.Throws<KnowledgeBaseFormatException>(() => KnowledgeBaseJson.Deserialize(json, "data/model/knowledge.json"));

        Assert.StartsWith("data/model/knowledge.json: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Run 'extract' again", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_changes_when_content_changes()
    {
        var changed = Sample with { Entries = [Sample.Entries[0] with { Answer = "A hot drink." }] };

        Assert.NotEqual(KnowledgeBaseHash.Compute(Sample), KnowledgeBaseHash.Compute(changed));
        Assert.Matches("^[0-9a-f]{64}$", KnowledgeBaseHash.Compute(Sample));
    }
}
