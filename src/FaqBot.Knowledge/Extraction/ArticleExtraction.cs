using System.Text;
using FaqBot.Knowledge.Model;
using FaqBot.Knowledge.Questions;
using FaqBot.Knowledge.Reading;
using Markdig.Syntax;

namespace FaqBot.Knowledge.Extraction;

/// <summary>The work of parsing one article: walks its heading tree and collects entries.</summary>
internal sealed class ArticleExtraction
{
    /// <summary>A section folds its sub-sections into its answer only while the whole stays this short; past it each becomes an entry.</summary>
    public const int FoldCharacters = 8000;

    /// <summary>No answer is longer than this (UTF-8): Teams refuses messages over about 28 KB, and the bot adds a title and links.</summary>
    public const int MaxAnswerBytes = 24 * 1024;

    private readonly ArticleSource _source;
    private readonly MarkdownDocument _document;
    private readonly PageContext _page;
    private readonly LinkResolver _links;
    private readonly AnswerMarkdown _markdown;
    private readonly List<PendingEntry> _entries = [];
    private readonly List<SectionNode> _takeaways = [];
    private readonly List<SectionNode> _conclusions = [];
    private readonly List<Block> _introduction = [];
    private string _articleId = string.Empty;
    private string _title = string.Empty;

    public ArticleExtraction(ArticleSource source, MarkdownDocument document)
    {
        _source = source;
        _document = document;
        _page = source.Page ?? PageContext.Alone(source.FilePath, source.SourcePath);
        _links = new LinkResolver(_page, source.FrontMatter.CanonicalUrl);
        _markdown = new AnswerMarkdown(source, _links);
    }

    /// <summary>True when the page has no heading at all: a snippet meant to be included, not an article.</summary>
    public static bool HasHeadings(MarkdownDocument document) => document.OfType<HeadingBlock>().Any();

    public ParsedArticle Run()
    {
        var root = SectionTree.Build(_document, _source.Lines);
        if (root.Children.Count == 0)
        {
            throw new ArticleFormatException(_source.FilePath, null,
                "has no headings; FaqBot answers from sections, so give the article '#' headings (e.g. '## How often should I ...?').");
        }

        // A single top-level heading with sections under it is the article's own title ("## Deep Clean Pores: A Guide ...").
        var only = root.Children.Count == 1 ? root.Children[0] : null;
        var titleNode = only is not null && HeadingRoles.Of(only.Text) == HeadingRole.Content && !only.IsQuestion
            && (only.Level == 1 || only.Children.Count > 0) ? only : null;
        _title = Title(_source.FrontMatter.Title, titleNode?.Level == 1 ? titleNode.Text : null, titleNode?.Text ?? root.Children[0].Text);
        if (_title.Trim().Length == 0)
        {
            _title = Path.GetFileNameWithoutExtension(_source.FilePath);
        }

        _articleId = Slug.From(_title);
        if (_articleId.Length == 0)
        {
            throw new ArticleFormatException(_source.FilePath, null,
                $"the title \"{_title}\" has no letters or digits to make an id from; give it a front matter 'title:'.");
        }

        _introduction.AddRange(root.Blocks);
        if (titleNode is not null)
        {
            _introduction.AddRange(titleNode.Blocks);
        }

        foreach (var node in titleNode?.Children ?? root.Children)
        {
            Visit(node, [_title], insideFaq: false);
        }

        var overview = Overview();
        if (overview is not null)
        {
            _entries.Insert(0, overview);
        }

        if (_entries.Count == 0)
        {
            throw new ArticleFormatException(_source.FilePath, null,
                "has headings but nothing to answer with; put paragraphs or lists under its headings.");
        }

        var article = new Article(_articleId, _title, _source.SourcePath, _source.FrontMatter.Excerpt, _source.FrontMatter.Category,
            _source.FrontMatter.Tags, _source.FrontMatter.CanonicalUrl);
        return new ParsedArticle(article, Finish()) { Warnings = _page.Warnings, LinksAsText = _links.Unresolved };
    }

    // DocFX titles carry the site's name ("Entities and activity types - Bot Service"); the page's own '#' heading reads better.
    private static string Title(string? frontMatterTitle, string? pageHeading, string firstHeading)
    {
        if (frontMatterTitle is null)
        {
            return firstHeading;
        }

        var suffixed = ((string[])[" - ", " | ", " — ", " – "]).Any(s => frontMatterTitle.Contains(s, StringComparison.Ordinal));
        return suffixed && !string.IsNullOrWhiteSpace(pageHeading) ? pageHeading : frontMatterTitle;
    }

    private void Visit(SectionNode node, IReadOnlyList<string> parentPath, bool insideFaq)
    {
        // A page whose only heading is "FAQ" is titled by it: its path names it once.
        var path = parentPath.Count == 1 && string.Equals(parentPath[0], node.Text, StringComparison.OrdinalIgnoreCase)
            ? [.. parentPath]
            : parentPath.Append(node.Text).ToArray();
        switch (HeadingRoles.Of(node.Text))
        {
            case HeadingRole.Takeaway:
                _takeaways.Add(node);
                return;
            case HeadingRole.Conclusion:
                _conclusions.Add(node);
                return;
            case HeadingRole.Introduction:
                _introduction.AddRange(node.Blocks);
                return;
            case HeadingRole.Reference:
                return;
            case HeadingRole.Faq:
                VisitFaq(node, path);
                return;
        }

        if (node.IsQuestion)
        {
            AddQuestionHeading(node, path, insideFaq ? EntryKind.Faq : EntryKind.Section);
            return;
        }

        if (insideFaq || FaqPairReader.HasExplicitQuestions(node.Blocks, _markdown))
        {
            VisitFaq(node, path);
            return;
        }

        // A heading that only groups sub-headings ("## Methods" then "### Steaming", "### Masks") is not a section itself.
        if (!node.Blocks.Any(IsContent) && node.Children.Count > 0)
        {
            foreach (var child in node.Children)
            {
                Visit(child, path, insideFaq: false);
            }

            return;
        }

        var parts = new List<AnswerPart>();
        var later = new List<Action>();
        CollectSection(node, parts, path, isTop: true, later);
        AddEntry(EntryKind.Section, node.Text, HeadingQuestions.For(node.Text), parts, path, node.Anchor, node.Line);
        later.ForEach(add => add());
    }

    // A section's answer is its own blocks plus its non-question sub-sections; question sub-headings get entries of their own,
    // and so does every sub-section of a section too long to answer in one message.
    // Question and FAQ sub-sections are added after the section itself (through later), so entries stay in reading order.
    private void CollectSection(SectionNode node, List<AnswerPart> parts, string[] path, bool isTop, List<Action> later)
    {
        if (!isTop)
        {
            parts.Add(new AnswerPart($"**{node.Text}**", null) { IsSubheading = true });
        }

        parts.AddRange(_markdown.PartsOf(node.Blocks));
        var fold = Size(node) <= FoldCharacters;
        foreach (var child in node.Children)
        {
            var childPath = path.Append(child.Text).ToArray();
            if (child.IsQuestion)
            {
                later.Add(() => AddQuestionHeading(child, childPath, EntryKind.Section));
            }
            else if (HeadingRoles.Of(child.Text) == HeadingRole.Faq)
            {
                later.Add(() => VisitFaq(child, childPath));
            }
            else if (!fold)
            {
                later.Add(() => Visit(child, path, insideFaq: false));
            }
            else
            {
                CollectSection(child, parts, childPath, isTop: false, later);
            }
        }
    }

    private static int Size(SectionNode node) => node.Blocks.Sum(b => b.Span.Length) + node.Children.Sum(Size);

    private void VisitFaq(SectionNode node, string[] path)
    {
        foreach (var pair in FaqPairReader.Read(node.Blocks, _markdown, _source.FilePath))
        {
            AddEntry(EntryKind.Faq, pair.Question, pair.Questions, pair.Parts, path, node.Anchor, pair.Line);
        }

        foreach (var child in node.Children)
        {
            Visit(child, path, insideFaq: true);
        }
    }

    private void AddQuestionHeading(SectionNode node, string[] path, EntryKind kind)
    {
        var parts = new List<AnswerPart>();
        var later = new List<Action>();
        CollectSection(node, parts, path, isTop: true, later);
        if (!HasContent(parts) && kind == EntryKind.Faq)
        {
            throw new ArticleFormatException(_source.FilePath, node.Line,
                $"the FAQ question \"{node.Text}\" has no answer; write the answer under the heading.");
        }

        AddEntry(kind, node.Text, [node.Text], parts, path, node.Anchor, node.Line);
        later.ForEach(add => add());
    }

    private PendingEntry? Overview()
    {
        var parts = new List<AnswerPart>();
        int line;
        if (_takeaways.Count > 0)
        {
            // The summary paragraph after the takeaway list answers the title question; the bullets follow it.
            var blocks = _takeaways.SelectMany(AllBlocks).ToList();
            var lastList = blocks.FindLastIndex(b => b is ListBlock);
            var summary = blocks.Skip(lastList + 1).Where(b => b is ParagraphBlock).ToList();
            parts.AddRange(_markdown.PartsOf(summary));
            parts.AddRange(_markdown.PartsOf(blocks.Except(summary)));
            line = _takeaways[0].Line;
        }
        else if (_introduction.Any(IsContent))
        {
            parts.AddRange(_markdown.PartsOf(_introduction.Where(IsContent)));
            line = _markdown.LineOf(_introduction.First(IsContent));
        }
        else if (_conclusions.Count > 0)
        {
            parts.AddRange(_markdown.PartsOf(_conclusions.SelectMany(AllBlocks)));
            line = _conclusions[0].Line;
        }
        else
        {
            return null;
        }

        return HasContent(parts) ? new PendingEntry(EntryKind.Article, "overview", HeadingQuestions.For(_title), parts, [_title], null, line) : null;
    }

    // Sub-heading markers alone ("**Signs of a Good Shot**" with nothing under it) answer nothing.
    private static bool HasContent(List<AnswerPart> parts) => parts.Exists(p => p.Kind is not null || !p.IsSubheading);

    private static IEnumerable<Block> AllBlocks(SectionNode node) => node.Blocks.Concat(node.Children.SelectMany(AllBlocks));

    private static bool IsContent(Block block) =>
        block is ParagraphBlock or ListBlock or QuoteBlock or CodeBlock or Markdig.Extensions.Tables.Table
        || (block is HtmlBlock html && html.Type != HtmlBlockType.Comment);

    private void AddEntry(EntryKind kind, string slugSource, IReadOnlyList<string> questions, List<AnswerPart> parts,
        string[] path, string? anchor, int line)
    {
        if (!HasContent(parts))
        {
            return;
        }

        var slug = Slug.From(slugSource);
        if (slug.Length == 0)
        {
            throw new ArticleFormatException(_source.FilePath, line,
                $"\"{slugSource}\" has no letters or digits to make an entry id from; reword the heading or question.");
        }

        // An answer too long for any channel continues in entries of its own ("… (part 2)").
        var chunks = Chunks(parts);
        for (var i = 0; i < chunks.Count; i++)
        {
            _entries.Add(i == 0
                ? new PendingEntry(kind, slug, questions, chunks[i], path, anchor, line)
                : new PendingEntry(kind, $"{slug}-part-{i + 1}", [.. questions.Take(1).Select(q => $"{q} (part {i + 1})")], chunks[i], path, anchor, line));
        }
    }

    private static List<List<AnswerPart>> Chunks(List<AnswerPart> parts)
    {
        var chunks = new List<List<AnswerPart>> { new() };
        var bytes = 0;
        foreach (var part in parts)
        {
            var size = Encoding.UTF8.GetByteCount(part.Markdown) + 2;
            if (bytes + size > MaxAnswerBytes && HasContent(chunks[^1]))
            {
                chunks.Add([]);
                bytes = 0;
            }

            chunks[^1].Add(part);
            bytes += size;
        }

        return chunks;
    }

    private List<FaqEntry> Finish()
    {
        var ids = EntryIds.Assign(_articleId, [.. _entries.Select(e => (e.Slug, e.HeadingPath))]);
        return [.. _entries.Select((e, i) => MakeEntry(e, ids[i]))];
    }

    private FaqEntry MakeEntry(PendingEntry pending, string id)
    {
        var passages = pending.Parts.Where(p => p.Kind is not null)
            .Select((p, i) => new Passage($"{id}-p{i + 1}", p.Kind!.Value, p.Markdown,
                p.Kind == PassageKind.Table ? TableText.Of(p.Markdown) : PlainText.Of(p.Markdown)))
            .ToArray();
        var answer = string.Join("\n\n", pending.Parts.Select(p => p.Markdown));
        var link = _links.PageUrl is not { } page ? null
            : pending.Anchor is null ? page.AbsoluteUri : $"{page.AbsoluteUri.Split('#')[0]}#{pending.Anchor}";
        return new FaqEntry(id, _articleId, pending.Kind, pending.Questions, answer, pending.HeadingPath, link, passages, pending.Line);
    }

    private sealed record PendingEntry(EntryKind Kind, string Slug, IReadOnlyList<string> Questions, List<AnswerPart> Parts,
        IReadOnlyList<string> HeadingPath, string? Anchor, int Line);
}
