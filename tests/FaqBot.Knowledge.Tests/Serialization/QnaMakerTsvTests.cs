using FaqBot.Knowledge.Model;
using FaqBot.Knowledge.Serialization;

namespace FaqBot.Knowledge.Tests.Serialization;

public sealed class QnaMakerTsvTests
{
    private static readonly KnowledgeBase KnowledgeBase = new(
        [new Article("tea", "Tea", "tea.md", null, null, [], "https://tea.test/guide")],
        [
            new FaqEntry("tea--how-hot", "tea", EntryKind.Faq, ["How hot?", "What water temperature?"], "About 80 °C.\n\n- Green:\t75 °C\n- Black: 95 °C",
                ["Tea", "FAQ"], null, [], 3),
        ]);

    [Fact]
    public void Writes_the_qna_maker_header_then_one_row_per_question_phrasing()
    {
        var rows = QnaMakerTsv.Write(KnowledgeBase).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("Question\tAnswer\tSource\tMetadata", rows[0]);
        Assert.Equal(3, rows.Length);
        Assert.All(rows, r => Assert.Equal(4, r.Split('\t').Length));
        Assert.Equal("How hot?", rows[1].Split('\t')[0]);
        Assert.Equal("What water temperature?", rows[2].Split('\t')[0]);
    }

    [Fact]
    public void Newlines_in_answers_become_backslash_n_and_metadata_is_key_value_pairs()
    {
        var columns = QnaMakerTsv.Write(KnowledgeBase).Split('\n')[1].Split('\t');

        Assert.Equal("About 80 °C.\\n\\n- Green: 75 °C\\n- Black: 95 °C", columns[1]);
        Assert.Equal("https://tea.test/guide", columns[2]);
        Assert.Equal("article:tea|kind:faq", columns[3]);
    }
}
