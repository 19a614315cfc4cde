using FaqBot.Knowledge.Extraction;
using FaqBot.Knowledge.Model;

namespace FaqBot.Knowledge.Tests.Extraction;

/// <summary>Answers carry no live markup and only http(s) or mailto links; relative links resolve or become text.</summary>
public sealed class AnswerSafetyTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Scripts_remote_images_and_unsafe_links_never_reach_an_answer()
    {
        const string article = "# Tea\n\n## Brewing\n\nClick <a href=\"javascript:alert(1)\">here</a> or [there](javascript:alert(2)) "
            + "<img src=\"https://tracker.example/p.png\" alt=\"a pot\"> and <scr<b>ipt>alert(3)</script>.\n\n"
            + "<div onclick=\"x()\">\n<script>alert(4)</script>\n<p>Warm the pot first.</p>\n</div>\n\n![pixel](https://tracker.example/q.png)\n";

        var parsed = ArticleParser.ParseText(article, "tea.md");

        var answer = parsed.Entries.Single().Answer;
        Assert.True(answer.Length > 0, answer);
        Assert.DoesNotContain("javascript:", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("tracker.example", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", answer, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", answer, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Click here or there a pot and &lt;script>alert(3).", answer, StringComparison.Ordinal);
        Assert.Contains("Warm the pot first.", answer, StringComparison.Ordinal);
        Assert.EndsWith("pixel", answer, StringComparison.Ordinal);
        Assert.Equal(2, parsed.Warnings.Count(w => w.Message.Contains("javascript:", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_canonical_url_that_is_not_http_is_ignored_with_a_warning()
    {
        var parsed = ArticleParser.ParseText("---\ncanonical: javascript:alert(1)\n---\n# Tea\n\n## Brewing\n\nSteep it.\n", "tea.md");

        Assert.Null(parsed.Entries[0].Link);
        Assert.Contains(parsed.Warnings, w => w.Message.StartsWith("canonical URL 'javascript:alert(1)' is not an http(s) address", StringComparison.Ordinal));
    }

    [Fact]
    public void Relative_links_resolve_against_the_base_url_with_the_page_published_without_md()
    {
        _folder.Write("guide/setup.md", "# Setup\n\n## Install\n\nSee [basics](../basics.md#start), [the index](index.md), [here](#install) and [mail](mailto:help@example.org).\n");
        var options = new ExtractionOptions { BaseUrl = new Uri("https://docs.example.org/bot") };

        var result = KnowledgeExtractor.ExtractFolder(_folder.Path, options);

        var entry = result.KnowledgeBase.Entries.Single();
        Assert.Equal("https://docs.example.org/bot/guide/setup#install", entry.Link);
        Assert.Contains("[basics](https://docs.example.org/bot/basics#start)", entry.Answer, StringComparison.Ordinal);
        Assert.Contains("[the index](https://docs.example.org/bot/guide/)", entry.Answer, StringComparison.Ordinal);
        Assert.Contains("[here](https://docs.example.org/bot/guide/setup#install)", entry.Answer, StringComparison.Ordinal);
        Assert.Contains("[mail](mailto:help@example.org)", entry.Answer, StringComparison.Ordinal);
        Assert.Equal(0, result.LinksAsText);
    }

    [Fact]
    public void Without_any_address_relative_links_become_their_text_and_are_counted()
    {
        _folder.Write("setup.md", "# Setup\n\n## Install\n\nSee [the basics](basics.md) first.\n");

        var result = KnowledgeExtractor.ExtractFolder(_folder.Path);

        Assert.Contains("See the basics first.", result.KnowledgeBase.Entries.Single().Answer, StringComparison.Ordinal);
        Assert.Equal(1, result.LinksAsText);
    }

    [Fact]
    public void Include_cycle_missing_file_and_path_outside_the_folder_are_left_out_with_warnings_and_the_page_is_used()
    {
        _folder.Write("docs/includes/a.md", "Snippet A.\n\n[!INCLUDE [b](b.md)]\n");
        _folder.Write("docs/includes/b.md", "Snippet B.\n\n[!INCLUDE [a](./a.md)]\n");
        _folder.Write("secret.md", "Secret outside the articles folder.\n");
        _folder.Write("docs/page.md", "# Page\n\n## Section\n\n[!INCLUDE [a](includes/a.md)]\n\n[!INCLUDE [gone](includes/gone.md)]\n\n[!INCLUDE [out](../secret.md)]\n");

        var result = KnowledgeExtractor.ExtractFolder(Path.Combine(_folder.Path, "docs"));

        var answer = result.KnowledgeBase.Entries.Single().Answer;
        Assert.Equal("Snippet A.\n\nSnippet B.", answer);
        Assert.Equal(2, result.Snippets.Count);
        Assert.Collection(result.Warnings.Select(w => (w.Line, w.Message)),
            w => Assert.Equal((5, "include './a.md' includes itself (through a.md -> b.md); it was left out."), w),
            w => Assert.Equal((7, "include 'includes/gone.md' not found; it was left out."), w),
            w => Assert.Equal((9, "include '../secret.md' points outside the articles folder; it was left out."), w));
    }

    [Fact]
    public void Includes_nested_deeper_than_the_limit_stop_with_a_warning()
    {
        for (var i = 0; i < 8; i++)
        {
            _folder.Write($"includes/s{i}.md", $"Level {i}.\n\n[!INCLUDE [next](s{i + 1}.md)]\n");
        }

        _folder.Write("page.md", "# Page\n\n## Deep\n\n[!INCLUDE [s0](includes/s0.md)]\n");

        var result = KnowledgeExtractor.ExtractFolder(_folder.Path);

        Assert.Equal(DocFxDepthLimit, result.KnowledgeBase.Entries.Single().Passages.Count);
        Assert.Contains(result.Warnings, w => w.Message.Contains("nested more than 5 deep", StringComparison.Ordinal));
    }

    // The page plus five nested snippets: s0 … s4 are read, s5 is one too deep.
    private const int DocFxDepthLimit = 5;

    [Fact]
    public void The_39_KB_reference_section_gives_each_object_its_own_entry_within_the_channel_limit()
    {
        var parsed = ArticleParser.ParseFile(Path.Combine(AppContext.BaseDirectory, "Pages", "bot-framework-rest-connector-api-reference.md"));

        Assert.Contains(parsed.Entries, e => e.Id == "api-reference--activity-object");
        Assert.All(parsed.Entries, e => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(e.Answer), 1, 24 * 1024));
        Assert.All(parsed.Entries.SelectMany(e => e.Passages).Where(p => p.Kind != PassageKind.List), p => Assert.InRange(p.Markdown.Length, 1, 1500));
    }

    [Fact]
    public void A_very_long_paragraph_list_and_code_block_are_split_into_passages()
    {
        var sentence = "Steep the leaves for three minutes in water just off the boil. ";
        var article = "# Tea\n\n## Brewing\n\n" + string.Concat(Enumerable.Repeat(sentence, 60)) + "\n\n"
            + string.Concat(Enumerable.Range(1, 60).Select(i => $"- Step {i}: {sentence}\n")) + "\n"
            + "```bash\n" + string.Concat(Enumerable.Range(1, 200).Select(i => $"echo line {i}\n")) + "```\n";

        var entry = ArticleParser.ParseText(article, "tea.md").Entries.Single();

        Assert.All(entry.Passages, p => Assert.InRange(p.Markdown.Length, 1, 1500));
        Assert.True(entry.Passages.Count(p => p.Kind == PassageKind.Paragraph) >= 3);
        Assert.All(entry.Passages.Where(p => p.Kind == PassageKind.List), p => Assert.StartsWith("- Step", p.Markdown, StringComparison.Ordinal));
        Assert.All(entry.Passages.Where(p => p.Kind == PassageKind.Code), p => Assert.Matches(@"^```bash\n[\s\S]*\n```$", p.Markdown));
        Assert.Equal(200, entry.Passages.Where(p => p.Kind == PassageKind.Code).Sum(p => p.Text.Split("echo").Length - 1));
    }
}
