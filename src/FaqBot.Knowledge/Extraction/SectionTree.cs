using FaqBot.Knowledge.Reading.Dialects;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace FaqBot.Knowledge.Extraction;

/// <summary>Builds the heading tree of a parsed document (top-level headings only; headings in lists or quotes are content).</summary>
internal static class SectionTree
{
    /// <summary>The root node: blocks before the first heading, then the top-level sections.</summary>
    public static SectionNode Build(MarkdownDocument document, ArticleLines lines)
    {
        var root = new SectionNode(null, string.Empty, null, 1, false);
        var stack = new Stack<SectionNode>();
        stack.Push(root);
        foreach (var block in document)
        {
            if (block is LinkReferenceDefinitionGroup or BlankLineBlock)
            {
                continue;
            }

            if (block is HeadingBlock heading)
            {
                while (stack.Peek().Level >= heading.Level)
                {
                    stack.Pop();
                }

                var node = new SectionNode(heading, PlainText.Of(heading.Inline), heading.GetAttributes().Id,
                    lines.PageLine(heading.Line), lines.Role(heading.Line) == LineRole.Question);
                stack.Peek().Children.Add(node);
                stack.Push(node);
            }
            else
            {
                stack.Peek().Blocks.Add(block);
            }
        }

        return root;
    }
}
