using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FaqBot.Knowledge.Extraction;

/// <summary>Markdown to plain text for matching: emphasis and link targets dropped, whitespace collapsed.</summary>
internal static partial class PlainText
{
    /// <summary>The plain text of a Markdown fragment.</summary>
    public static string Of(string markdown)
    {
        var document = Markdown.Parse(markdown, KnowledgePipeline.Instance);
        var builder = new StringBuilder();
        foreach (var block in document)
        {
            Append(builder, block);
        }

        return Collapse(builder.ToString());
    }

    /// <summary>The plain text of an inline container (a heading's or paragraph's content).</summary>
    public static string Of(ContainerInline? inline)
    {
        var builder = new StringBuilder();
        Append(builder, inline);
        return Collapse(builder.ToString());
    }

    private static void Append(StringBuilder builder, Block block)
    {
        switch (block)
        {
            case LeafBlock { Inline: { } inline }:
                Append(builder, inline);
                builder.Append(' ');
                break;
            case LeafBlock leaf:
                // code blocks and the like: their lines are the text
                builder.Append(leaf.Lines.ToString()).Append(' ');
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    Append(builder, child);
                }

                break;
        }
    }

    // With an explicit stack, not recursion: Markdig nests emphasis as deep as the input goes (60,000 stars make 30,000
    // levels), which overflowed the thread's stack and killed the process.
    private static void Append(StringBuilder builder, Inline? root)
    {
        if (root is null)
        {
            return;
        }

        var pending = new Stack<Inline>();
        pending.Push(root);
        while (pending.TryPop(out var inline))
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.AsSpan());
                    break;
                case AutolinkInline autolink:
                    builder.Append(autolink.Url);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
                case ContainerInline container:
                    // Pushed last child first, so they come off in document order.
                    for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
                    {
                        pending.Push(child);
                    }

                    break;
            }
        }
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
