using System.Text;
using FaqBot.Knowledge.Model;
using FaqBot.Knowledge.Reading;
using FaqBot.Knowledge.Reading.Dialects;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FaqBot.Knowledge.Extraction;

/// <summary>
/// Slices blocks out of the article text as written, so answers keep the author's Markdown, and makes them safe to show:
/// links resolved or turned into text, images into their alt text, raw HTML into text, indented code into fenced code.
/// </summary>
internal sealed class AnswerMarkdown(ArticleSource source, LinkResolver links)
{
    private readonly string _body = source.Body;

    // Each block is cleaned once: readers ask again (FAQ detection, then the answer), and links must be warned about once.
    private readonly Dictionary<Block, string> _cleaned = new(ReferenceEqualityComparer.Instance);

    public ArticleLines Lines { get; } = source.Lines;

    /// <summary>1-based line in the page file where the block starts.</summary>
    public int LineOf(Block block) => Lines.PageLine(block.Line);

    /// <summary>The block's Markdown as shown in an answer; empty for what is not shown (breaks, comments, reference definitions).</summary>
    public string Of(Block block)
    {
        if (!_cleaned.TryGetValue(block, out var markdown))
        {
            markdown = Clean(block);
            _cleaned[block] = markdown;
        }

        return markdown;
    }

    private string Clean(Block block) => block switch
    {
        ThematicBreakBlock or LinkReferenceDefinitionGroup or BlankLineBlock => string.Empty,
        FencedCodeBlock => Slice(block.Span.Start, block.Span.End + 1).Trim(),
        CodeBlock code => $"```\n{code.Lines.ToString().TrimEnd()}\n```",
        HtmlBlock => HtmlText.Of(Slice(block.Span.Start, block.Span.End + 1)),
        _ => Cleaned(block),
    };

    /// <summary>The answer parts for a run of blocks, long ones split into passages of at most <see cref="PassageSplitter.MaxCharacters"/>.</summary>
    public IEnumerable<AnswerPart> PartsOf(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            var markdown = Of(block);
            if (markdown.Length == 0)
            {
                continue;
            }

            if (block is ParagraphBlock && Lines.Role(block.Line) == LineRole.Label)
            {
                yield return new AnswerPart(markdown, null) { IsSubheading = true };
                continue;
            }

            var kind = KindOf(block);
            if (kind is null || markdown.Length <= PassageSplitter.MaxCharacters)
            {
                yield return new AnswerPart(markdown, kind);
                continue;
            }

            var pieces = block is ListBlock list ? PassageSplitter.SplitList(list.Select(Cleaned).ToList(), list.IsLoose) : PassageSplitter.Split(markdown, kind.Value);
            foreach (var piece in pieces)
            {
                yield return new AnswerPart(piece, kind);
            }
        }
    }

    private static PassageKind? KindOf(Block block) => block switch
    {
        ParagraphBlock or HtmlBlock => PassageKind.Paragraph,
        ListBlock => PassageKind.List,
        CodeBlock => PassageKind.Code,
        Table => PassageKind.Table,
        QuoteBlock => PassageKind.Note,
        _ => null,
    };

    private string Slice(int start, int end)
    {
        start = Math.Clamp(start, 0, _body.Length);
        return _body[start..Math.Clamp(end, start, _body.Length)];
    }

    // The block's text with every link, image, autolink, inline tag, nested HTML block and stray '<' replaced in place.
    private string Cleaned(Block block)
    {
        var start = Math.Clamp(block.Span.Start, 0, _body.Length);
        var end = Math.Clamp(block.Span.End + 1, start, _body.Length);
        var edits = new List<Edit>();
        var tags = new List<HtmlInline>();
        foreach (var node in BlocksOf(block))
        {
            switch (node)
            {
                case LeafBlock { Inline: { } inline }:
                    CollectInlines(inline, edits, tags);
                    break;
                case HtmlBlock html:
                    edits.Add(new Edit(html.Span.Start, html.Span.End + 1, HtmlText.Of(Slice(html.Span.Start, html.Span.End + 1))));
                    break;
            }
        }

        PairAnchors(tags, edits);
        if (edits.Count == 0)
        {
            return _body[start..end].Trim();
        }

        edits.Sort((a, b) => a.Start.CompareTo(b.Start));
        var builder = new StringBuilder(end - start);
        var at = start;
        foreach (var edit in edits)
        {
            if (edit.Start < at || edit.End > end)
            {
                continue;
            }

            builder.Append(_body, at, edit.Start - at).Append(edit.Replacement);
            at = edit.End;
        }

        builder.Append(_body, at, end - at);
        return builder.ToString().Trim();
    }

    private static IEnumerable<Block> BlocksOf(Block root)
    {
        var pending = new Stack<Block>();
        pending.Push(root);
        while (pending.TryPop(out var block))
        {
            yield return block;
            if (block is ContainerBlock container)
            {
                for (var i = container.Count - 1; i >= 0; i--)
                {
                    pending.Push(container[i]);
                }
            }
        }
    }

    // With an explicit stack: Markdig nests emphasis as deep as the input goes.
    private void CollectInlines(ContainerInline root, List<Edit> edits, List<HtmlInline> tags)
    {
        var pending = new Stack<Inline>();
        pending.Push(root);
        while (pending.TryPop(out var inline))
        {
            switch (inline)
            {
                case LinkInline link:
                    EditLink(link, edits);
                    break;
                case AutolinkInline autolink:
                    if (!autolink.IsEmail && Resolve(autolink.Url, autolink.Line) is null)
                    {
                        edits.Add(new Edit(autolink.Span.Start, autolink.Span.End + 1, HtmlText.Escape(autolink.Url)));
                    }

                    break;
                case HtmlInline html:
                    tags.Add(html);
                    break;
                case LiteralInline literal:
                    EscapeAngles(literal, edits);
                    break;
            }

            if (inline is ContainerInline container)
            {
                for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
                {
                    pending.Push(child);
                }
            }
        }
    }

    private void EditLink(LinkInline link, List<Edit> edits)
    {
        var label = link.LabelSpan;
        if (label.IsEmpty || label.Start <= link.Span.Start || label.End >= link.Span.End)
        {
            // No label position to keep: show the label's plain text.
            edits.Add(new Edit(link.Span.Start, link.Span.End + 1, HtmlText.Escape(PlainText.Of(link))));
            return;
        }

        var target = link.IsImage ? null : Resolve(link.Url, link.Line);
        edits.Add(new Edit(link.Span.Start, label.Start, target is null ? string.Empty : "["));
        edits.Add(new Edit(label.End + 1, link.Span.End + 1, target is null ? string.Empty : $"]({FormatUrl(target)})"));
    }

    // <a href="…">text</a> becomes a Markdown link when its target may be shown; every other tag goes.
    private void PairAnchors(List<HtmlInline> tags, List<Edit> edits)
    {
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            var href = HtmlText.AnchorHref(tag.Tag);
            var close = href is null ? -1 : tags.FindIndex(i + 1, t => HtmlText.IsAnchorEnd(t.Tag) || HtmlText.AnchorHref(t.Tag) is not null);
            var target = close >= 0 && HtmlText.IsAnchorEnd(tags[close].Tag) ? Resolve(href, tag.Line) : null;
            if (target is not null)
            {
                edits.Add(new Edit(tag.Span.Start, tag.Span.End + 1, "["));
                edits.Add(new Edit(tags[close].Span.Start, tags[close].Span.End + 1, $"]({FormatUrl(target)})"));
                tags.RemoveAt(close);
                continue;
            }

            edits.Add(new Edit(tag.Span.Start, tag.Span.End + 1, HtmlText.OfInlineTag(tag.Tag)));
        }
    }

    private void EscapeAngles(LiteralInline literal, List<Edit> edits)
    {
        for (var i = Math.Max(0, literal.Span.Start); i <= literal.Span.End && i < _body.Length; i++)
        {
            if (_body[i] == '<' && (i == 0 || _body[i - 1] != '\\'))
            {
                edits.Add(new Edit(i, i + 1, "&lt;"));
            }
        }
    }

    private string? Resolve(string? url, int bodyLine) => links.Resolve(url, Lines.Origin(bodyLine), Lines.PageLine(bodyLine));

    private static string FormatUrl(string url) => url
        .Replace(" ", "%20", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal)
        .Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal);

    private readonly record struct Edit(int Start, int End, string Replacement);
}
