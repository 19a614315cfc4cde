using System.Text;
using FaqBot.Knowledge.Extraction;

namespace FaqBot.Knowledge.Tests.Extraction;

/// <summary>Each kind of bad article gives an <see cref="ArticleFormatException"/> naming the file (and line) and what to do.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Missing_file_is_named()
    {
        var path = Path.Combine(_folder.Path, "nope.md");

        var ex = Assert.Throws<ArticleFormatException>(() => KnowledgeExtractor.Extract([path]));

        Assert.Equal(path, ex.FilePath);
        Assert.Null(ex.Line);
        Assert.Equal($"{path}: file not found; check the path (articles are read from the articles folder or the paths you give).", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\n\t \n")]
    public void Empty_file_is_rejected(string text)
    {
        var path = _folder.Write("empty.md", text);

        var ex = Assert.Throws<ArticleFormatException>(() => ArticleParser.ParseFile(path));

        Assert.Equal($"{path}: is empty; an article needs at least a heading and a paragraph.", ex.Message);
    }

    [Fact]
    public void Front_matter_alone_is_rejected_as_having_no_content()
    {
        var path = _folder.Write("front.md", "---\ntitle: Nothing Here\n---\n");

        var ex = Assert.Throws<ArticleFormatException>(() => ArticleParser.ParseFile(path));

        Assert.Contains("has no Markdown content", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_file_is_not_markdown_text()
    {
        var path = _folder.WriteBytes("image.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);

        var ex = Assert.Throws<ArticleFormatException>(() => ArticleParser.ParseFile(path));

        Assert.StartsWith($"{path}:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("is not Markdown text (it contains NUL bytes; is it a binary file?)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_not_markdown_text_and_names_the_line()
    {
        var bytes = Encoding.UTF8.GetBytes("# Title\n\nFine line.\n").Concat(new byte[] { 0x43, 0x61, 0x66, 0xE9, 0x0A }).ToArray();
        var path = _folder.WriteBytes("latin1.md", bytes);

        var ex = Assert.Throws<ArticleFormatException>(() => ArticleParser.ParseFile(path));

        Assert.Equal(4, ex.Line);
        Assert.Equal($"{path}:4: is not Markdown text (it is not valid UTF-8); save it as UTF-8.", ex.Message);
    }

    [Fact]
    public void Article_without_headings_is_rejected()
    {
        var path = _folder.Write("flat.md", "---\ntitle: Flat\n---\n\nJust a paragraph.\n\nAnd another.\n");

        var ex = Assert.Throws<ArticleFormatException>(() => ArticleParser.ParseFile(path));

        Assert.Equal($"{path}: has no headings; FaqBot answers from sections, so give the article '#' headings (e.g. '## How often should I ...?').", ex.Message);
    }

    [Fact]
    public void Faq_question_followed_by_another_question_has_no_answer()
    {
        var path = _folder.Write("faq.md", "# Tea\n\n## FAQ\n\n**Q1: Is green tea bitter?**\n\n**Q2: How hot should the water be?**\nA2: About 80 °C.\n");

        var ex = Assert.Throws<ArticleFormatException>(() => ArticleParser.ParseFile(path));

        Assert.Equal(5, ex.Line);
        Assert.Equal($"{path}:5: the FAQ question \"Is green tea bitter?\" has no answer; write the answer right after it (e.g. on the next line, \"A1: ...\").", ex.Message);
    }

    [Fact]
    public void Faq_question_at_the_end_with_an_empty_answer_marker_has_no_answer()
    {
        var path = _folder.Write("faq.md", "# Tea\n\n## FAQ\n\nQ: Is green tea bitter?\nA:\n");

        var ex = Assert.Throws<ArticleFormatException>(() => ArticleParser.ParseFile(path));

        Assert.Equal(5, ex.Line);
        Assert.Contains("\"Is green tea bitter?\" has no answer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Faq_question_heading_without_text_under_it_has_no_answer()
    {
        var path = _folder.Write("faq.md", "# Tea\n\n## FAQ\n\n### Is green tea bitter?\n\n### How hot?\n\nAbout 80 °C.\n");

        var ex = Assert.Throws<ArticleFormatException>(() => ArticleParser.ParseFile(path));

        Assert.Equal($"{path}:5: the FAQ question \"Is green tea bitter?\" has no answer; write the answer under the heading.", ex.Message);
    }

    [Fact]
    public void Unclosed_front_matter_names_its_line()
    {
        var path = _folder.Write("fm.md", "\n---\ntitle: Tea\n\n# Tea\n\nText.\n");

        var ex = Assert.Throws<ArticleFormatException>(() => ArticleParser.ParseFile(path));

        Assert.Equal($"{path}:2: front matter starts with '---' here but is never closed; end it with a line of '---'.", ex.Message);
    }

    [Fact]
    public void Invalid_yaml_front_matter_names_the_line_in_the_file()
    {
        var path = _folder.Write("fm.md", "```markdown\n---\ntitle: Tea\ntags: [green, black\n---\n# Tea\n\nText.\n```\n");

        var ex = Assert.Throws<ArticleFormatException>(() => ArticleParser.ParseFile(path));

        Assert.StartsWith($"{path}:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("front matter is not valid YAML", ex.Message, StringComparison.Ordinal);
        Assert.InRange(ex.Line ?? 0, 3, 5);
    }

    [Fact]
    public void Folder_without_articles_is_named()
    {
        var ex = Assert.Throws<ArticleFormatException>(() => KnowledgeExtractor.ExtractDirectory(_folder.Path));

        Assert.Equal($"{_folder.Path}: holds no Markdown articles (*.md); add one or point to another folder.", ex.Message);
    }
}
