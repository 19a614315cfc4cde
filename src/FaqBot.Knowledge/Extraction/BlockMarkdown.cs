using FaqBot.Knowledge.Model;
using Markdig.Syntax;

namespace FaqBot.Knowledge.Extraction;

/// <summary>Slices blocks out of the article text as written, so answers keep the author's Markdown (links included).</summary>
internal sealed class BlockMarkdown(string body)
{
    /// <summary>The block's Markdown exactly as in the article, trimmed.</summary>
    public string Of(Block block)
    {
        var start = Math.Clamp(block.Span.Start, 0, body.Length);
        var end = Math.Clamp(block.Span.End + 1, start, body.Length);
        return body[start..end].Trim();
    }

    /// <summary>The answer parts for a run of blocks: paragraphs and lists become passages; quotes lend theirs.</summary>
    public IEnumerable<AnswerPart> PartsOf(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            var markdown = Of(block);
            if (markdown.Length == 0)
            {
                continue;
            }

            yield return block switch
            {
                ParagraphBlock => new AnswerPart(markdown, PassageKind.Paragraph),
                ListBlock => new AnswerPart(markdown, PassageKind.List),
                _ => new AnswerPart(markdown, null),
            };
        }
    }
}
