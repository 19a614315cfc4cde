using FaqBot.Knowledge.Model;
using FaqBot.Knowledge.Questions;
using FaqBot.Knowledge.Reading;
using Markdig.Syntax;

namespace FaqBot.Knowledge.Extraction;

/// <summary>The work of parsing one article: walks its heading tree and collects entries.</summary>
internal sealed class ArticleExtraction(ArticleSource source, MarkdownDocument document)
{
    private readonly BlockMarkdown _markdown = new(source.Body);
    private readonly List<FaqEntry> _entries = [];
    private readonly Dictionary<string, int> _idLines = new(StringComparer.Ordinal);
    private readonly List<SectionNode> _takeaways = [];
    private readonly List<SectionNode> _conclusions = [];
    private readonly List<Block> _introduction = [];
    private string _articleId = string.Empty;
    private string _title = string.Empty;

    public ParsedArticle Run()
    {
        var root = SectionTree.Build(document);
        if (root.Children.Count == 0)
        {
            throw new ArticleFormatException(source.FilePath, null,
                "has no headings; FaqBot answers from sections, so give the article '#' headings (e.g. '## How often should I ...?').");
        }

        // A single top-level heading with sections under it is the article's own title ("## Deep Clean Pores: A Guide ...").
        var only = root.Children.Count == 1 ? root.Children[0] : null;
        var titleNode = only is not null && HeadingRoles.Of(only.Text) == HeadingRole.Content && !only.IsQuestion
            && (only.Level == 1 || only.Children.Count > 0) ? only : null;
        _title = source.FrontMatter.Title ?? titleNode?.Text ?? FirstHeading(root).Text;
        if (_title.Trim().Length == 0)
        {
            _title = Path.GetFileNameWithoutExtension(source.FilePath);
        }

        _articleId = Slug.From(_title);
        if (_articleId.Length == 0)
        {
            throw new ArticleFormatException(source.FilePath, null,
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
            throw new ArticleFormatException(source.FilePath, null,
                "has headings but nothing to answer with; put paragraphs or lists under its headings.");
        }

        var article = new Article(_articleId, _title, source.SourcePath, source.FrontMatter.Excerpt, source.FrontMatter.Category,
            source.FrontMatter.Tags, source.FrontMatter.CanonicalUrl);
        return new ParsedArticle(article, _entries);
    }

    private static SectionNode FirstHeading(SectionNode root) => root.Children[0];

    private void Visit(SectionNode node, IReadOnlyList<string> parentPath, bool insideFaq)
    {
        var path = parentPath.Append(node.Text).ToArray();
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

    // A section's answer is its own blocks plus its non-question sub-sections; question sub-headings get entries of their own.
    // Question and FAQ sub-sections are added after the section itself (through later), so entries stay in reading order.
    private void CollectSection(SectionNode node, List<AnswerPart> parts, string[] path, bool isTop, List<Action> later)
    {
        if (!isTop)
        {
            parts.Add(new AnswerPart($"**{node.Text}**", null) { IsSubheading = true });
        }

        parts.AddRange(_markdown.PartsOf(node.Blocks));
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
            else
            {
                CollectSection(child, parts, childPath, isTop: false, later);
            }
        }
    }

    private void VisitFaq(SectionNode node, string[] path)
    {
        foreach (var pair in FaqPairReader.Read(node.Blocks, _markdown, source.FilePath))
        {
            AddEntry(EntryKind.Faq, pair.Question, [pair.Question], pair.Parts, path, node.Anchor, pair.Line);
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
            throw new ArticleFormatException(source.FilePath, node.Line,
                $"the FAQ question \"{node.Text}\" has no answer; write the answer under the heading.");
        }

        AddEntry(kind, node.Text, [node.Text], parts, path, node.Anchor, node.Line);
        later.ForEach(add => add());
    }

    private FaqEntry? Overview()
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
            line = _introduction.First(IsContent).Line + 1;
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

        return parts.Count == 0 ? null : MakeEntry(EntryKind.Article, "overview", HeadingQuestions.For(_title), parts, [_title], null, line);
    }

    // Sub-heading markers alone ("**Signs of a Good Shot**" with nothing under it) answer nothing.
    private static bool HasContent(List<AnswerPart> parts) => parts.Exists(p => p.Kind is not null || !p.IsSubheading);

    private static IEnumerable<Block> AllBlocks(SectionNode node) => node.Blocks.Concat(node.Children.SelectMany(AllBlocks));

    private static bool IsContent(Block block) => block is ParagraphBlock or ListBlock or QuoteBlock or Markdig.Extensions.Tables.Table;

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
            throw new ArticleFormatException(source.FilePath, line,
                $"\"{slugSource}\" has no letters or digits to make an entry id from; reword the heading or question.");
        }

        _entries.Add(MakeEntry(kind, slug, questions, parts, path, anchor, line));
    }

    private FaqEntry MakeEntry(EntryKind kind, string slug, IReadOnlyList<string> questions, List<AnswerPart> parts,
        IReadOnlyList<string> path, string? anchor, int line)
    {
        var id = $"{_articleId}--{slug}";
        if (_idLines.TryGetValue(id, out var firstLine))
        {
            throw new ArticleFormatException(source.FilePath, line,
                $"two entries would have the id '{id}' (the other starts at line {firstLine}); reword one of the headings or questions.");
        }

        _idLines[id] = line;
        var passages = parts.Where(p => p.Kind is not null)
            .Select((p, i) => new Passage($"{id}-p{i + 1}", p.Kind!.Value, p.Markdown, PlainText.Of(p.Markdown)))
            .ToArray();
        var answer = string.Join("\n\n", parts.Select(p => p.Markdown));
        var canonical = source.FrontMatter.CanonicalUrl;
        var link = canonical is null ? null : anchor is null ? canonical : $"{canonical.Split('#')[0]}#{anchor}";
        return new FaqEntry(id, _articleId, kind, questions, answer, path, link, passages, line);
    }
}
