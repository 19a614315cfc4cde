using FaqBot.Knowledge.Extraction;
using FaqBot.Knowledge.Model;

namespace FaqBot.Knowledge.Tests.Extraction;

/// <summary>What each dialect fixture must give beyond its expected.json: no dialect syntax left in answers, content kept.</summary>
public sealed class DialectTests
{
    private static ParsedArticle Fixture(string name) => ArticleParser.ParseFile(Path.Combine(TestPaths.Fixtures, name, "article.md"));

    private static FaqEntry DocFxEntities() =>
        Fixture("docfx-tabs-alerts-includes").Entries.Single(e => e.Id.EndsWith("--entities", StringComparison.Ordinal));

    private static string Answers(ParsedArticle parsed) => string.Join("\n\n", parsed.Entries.Select(e => e.Answer));

    [Fact]
    public void DocFx_include_is_resolved_relative_to_the_page_and_its_alert_reads_as_a_note()
    {
        var overview = Fixture("docfx-tabs-alerts-includes").Entries[0];

        Assert.Contains("> **Note:**\n> Different parts of the SDK define separate Entity classes", overview.Answer, StringComparison.Ordinal);
        Assert.Contains(overview.Passages, p => p.Kind == PassageKind.Note && p.Text.StartsWith("Note: Different parts of the SDK", StringComparison.Ordinal));
        Assert.DoesNotContain("[!", overview.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("moniker", overview.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void DocFx_tabs_become_labels_inside_their_section_and_code_stays_code()
    {
        var entities = DocFxEntities();

        Assert.Contains("**C#**", entities.Answer, StringComparison.Ordinal);
        Assert.Contains("**JavaScript**\n\n```javascript\nvar entity = context.activity.entities;", entities.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("#tab/", entities.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("**C#**", entities.Passages.Select(p => p.Markdown));
        var code = Assert.Single(entities.Passages, p => p.Kind == PassageKind.Code);
        Assert.StartsWith("```javascript", code.Markdown, StringComparison.Ordinal);
        Assert.Contains("const mention = {", code.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_are_kept_as_markdown_and_read_as_lines()
    {
        var entities = DocFxEntities();

        var table = Assert.Single(entities.Passages, p => p.Kind == PassageKind.Table);
        Assert.StartsWith("| Property | Description |", table.Markdown, StringComparison.Ordinal);
        Assert.Equal("Property: Type; Description: type of the entity (\"mention\")", table.Text.Split('\n')[0]);
    }

    [Fact]
    public void Raw_html_link_becomes_a_markdown_link_and_no_tag_is_left()
    {
        var entities = DocFxEntities();

        Assert.StartsWith("The *entities* property of a message is an array of open-ended [schema.org](http://schema.org/)", entities.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", entities.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("target=", entities.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Zone_pivots_and_images_leave_no_markers_and_repeated_headings_get_their_own_entries()
    {
        var parsed = Fixture("docfx-zones-and-images");

        Assert.DoesNotContain(":::", Answers(parsed), StringComparison.Ordinal);
        var code = parsed.Entries.Skip(1).Select(e => e.Passages.Single(p => p.Kind == PassageKind.Code).Text).ToList();
        Assert.StartsWith("dotnet add package", code[0], StringComparison.Ordinal);
        Assert.StartsWith("pip install", code[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Github_alerts_become_notes_of_their_kind()
    {
        var section = Fixture("github-alerts").Entries[1];

        Assert.Equal(["Note", "Tip", "Important", "Warning", "Caution"], section.Passages.Select(p => p.Text.Split(':')[0]));
        Assert.All(section.Passages, p => Assert.Equal(PassageKind.Note, p.Kind));
    }

    [Fact]
    public void Mkdocs_faq_written_as_collapsibles_gives_one_faq_entry_per_block()
    {
        var parsed = Fixture("mkdocs-faq-collapsibles");

        Assert.Equal("Frequently Asked Questions", parsed.Article.Title);
        Assert.All(parsed.Entries, e => Assert.Equal(EntryKind.Faq, e.Kind));
        Assert.Equal("It worked when I set a proxy IP, but now it's not working!", parsed.Entries[2].Question);
        Assert.StartsWith("```title=\"DoH\"\nhttps://8.8.8.8/dns-query", parsed.Entries[0].Passages[1].Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("    ", Answers(parsed), StringComparison.Ordinal);
    }

    [Fact]
    public void Mkdocs_admonitions_are_notes_and_content_tabs_are_labels()
    {
        var parsed = Fixture("mkdocs-admonitions-and-tabs");
        var usage = parsed.Entries[1];
        var grouping = parsed.Entries[2];

        Assert.Contains("> **Phasellus posuere in sem ut cursus**\n>\n> Lorem ipsum", usage.Answer, StringComparison.Ordinal);
        Assert.Equal(2, usage.Passages.Count(p => p.Kind == PassageKind.Note));
        Assert.Contains("**C++**\n\n``` c++\n#include <iostream>", grouping.Answer, StringComparison.Ordinal);
        Assert.Equal(2, grouping.Passages.Count(p => p.Kind == PassageKind.Code));
    }

    [Fact]
    public void Kramdown_toc_and_attribute_lists_leave_nothing_behind()
    {
        var answers = Answers(Fixture("kramdown-toc-attributes"));

        Assert.DoesNotContain("{:", answers, StringComparison.Ordinal);
        Assert.DoesNotContain("TOC", answers, StringComparison.Ordinal);
        Assert.Contains("(see Pages with Children).", answers, StringComparison.Ordinal);
    }

    [Fact]
    public void Toml_front_matter_gives_the_title_tags_and_canonical_url_that_resolves_relative_links()
    {
        var parsed = Fixture("front-matter-toml");

        Assert.Equal(["install", "quickstart"], parsed.Article.Tags);
        Assert.Equal("Install the site generator and create your first site.", parsed.Article.Excerpt);
        Assert.Contains("[releases page](https://docs.example.org/releases/)", parsed.Entries[0].Answer, StringComparison.Ordinal);
        Assert.Contains("[configuration](https://docs.example.org/getting-started/configuration#basics)", parsed.Entries[1].Answer, StringComparison.Ordinal);
    }
}
