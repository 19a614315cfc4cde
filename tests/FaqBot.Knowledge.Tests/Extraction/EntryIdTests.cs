using FaqBot.Knowledge.Extraction;

namespace FaqBot.Knowledge.Tests.Extraction;

/// <summary>Entry ids are unique and stable: shared headings are told apart by their heading path, shared titles by their file.</summary>
public sealed class EntryIdTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // Until issue 15 two "Prerequisites" under different parents failed the whole article ("two entries would have the id").
    [Fact]
    public void Repeated_sub_headings_are_told_apart_by_their_heading_path()
    {
        var parsed = ArticleParser.ParseText(
            "# Tea\n\n## Green tea\n\n### Prerequisites\n\nA kettle.\n\n## Black tea\n\n### Prerequisites\n\nA pot.\n\n## Brewing\n\nSteep it.\n",
            "tea.md");

        Assert.Equal(["tea--green-tea--prerequisites", "tea--black-tea--prerequisites", "tea--brewing"], parsed.Entries.Select(e => e.Id));
    }

    // A page whose only H1 is "FAQ" is titled "FAQ"; its questions were shown under "FAQ › FAQ › …".
    [Fact]
    public void A_faq_page_titled_by_its_faq_heading_names_it_once_in_the_heading_path()
    {
        var parsed = ArticleParser.ParseText("# FAQ\n\n## How do I pin a package?\n\nRun `brew pin`.\n", "faq.md");

        var entry = Assert.Single(parsed.Entries);
        Assert.Equal(["FAQ", "How do I pin a package?"], entry.HeadingPath);
    }

    [Fact]
    public void Two_sections_with_the_same_heading_path_are_numbered_in_reading_order()
    {
        var parsed = ArticleParser.ParseText("# Tea\n\n## Brewing Tips\n\nUse fresh water.\n\n## Brewing tips!\n\nWarm the pot.\n", "dup.md");

        Assert.Equal(["tea--brewing-tips", "tea--brewing-tips-2"], parsed.Entries.Select(e => e.Id));
        Assert.Equal([3, 7], parsed.Entries.Select(e => e.Line));
    }

    [Fact]
    public void Moving_a_repeated_section_keeps_both_ids()
    {
        const string green = "## Green tea\n\n### Prerequisites\n\nA kettle.\n\n";
        const string black = "## Black tea\n\n### Prerequisites\n\nA pot.\n\n";

        var before = ArticleParser.ParseText("# Tea\n\n" + green + black, "tea.md");
        var after = ArticleParser.ParseText("# Tea\n\n" + black + green, "tea.md");

        Assert.Equal(before.Entries.Select(e => e.Id).Order(), after.Entries.Select(e => e.Id).Order());
    }

    [Fact]
    public void Two_articles_with_the_same_title_are_told_apart_by_their_file()
    {
        _folder.Write("dotnet/quickstart.md", "# Quickstart\n\n## Prerequisites\n\nThe .NET SDK.\n");
        _folder.Write("python/quickstart.md", "# Quickstart\n\n## Prerequisites\n\nPython 3.\n");
        _folder.Write("faq.md", "# Tea\n\nTea is a drink.\n");

        var knowledgeBase = KnowledgeExtractor.ExtractDirectory(_folder.Path);

        Assert.Equal(["dotnet-quickstart", "tea", "python-quickstart"], knowledgeBase.Articles.Select(a => a.Id));
        Assert.Equal(["dotnet-quickstart--prerequisites", "tea--overview", "python-quickstart--prerequisites"], knowledgeBase.Entries.Select(e => e.Id));
        Assert.All(knowledgeBase.Entries, e => Assert.All(e.Passages, p => Assert.StartsWith(e.Id + "-p", p.Id, StringComparison.Ordinal)));
    }

    [Fact]
    public void An_article_whose_title_is_unique_keeps_its_id_wherever_its_file_moves()
    {
        _folder.Write("a/tea.md", "# Tea\n\nTea is a drink.\n");
        var before = KnowledgeExtractor.ExtractDirectory(_folder.Path);
        Directory.Move(Path.Combine(_folder.Path, "a"), Path.Combine(_folder.Path, "b"));

        var after = KnowledgeExtractor.ExtractDirectory(_folder.Path);

        Assert.Equal(before.Entries.Select(e => e.Id), after.Entries.Select(e => e.Id));
        Assert.Equal("b/tea.md", after.Articles[0].SourcePath);
    }
}
