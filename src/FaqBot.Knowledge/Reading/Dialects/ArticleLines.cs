namespace FaqBot.Knowledge.Reading.Dialects;

/// <summary>The rewritten lines of an article: its Markdown body, and for each line where it came from.</summary>
internal sealed class ArticleLines
{
    private readonly SourceLine[] _lines;

    public ArticleLines(IReadOnlyList<SourceLine> lines)
    {
        _lines = [.. lines];
        Body = string.Join('\n', _lines.Select(l => l.Text));
    }

    /// <summary>The Markdown Markdig parses.</summary>
    public string Body { get; }

    /// <summary>1-based page line of a 0-based body line (what Markdig reports as <c>Block.Line</c>).</summary>
    public int PageLine(int bodyLine) => _lines.Length == 0 ? 1 : _lines[Math.Clamp(bodyLine, 0, _lines.Length - 1)].PageLine;

    /// <summary>The file a body line was written in, relative to the articles folder.</summary>
    public string Origin(int bodyLine) => _lines.Length == 0 ? string.Empty : _lines[Math.Clamp(bodyLine, 0, _lines.Length - 1)].Origin;

    /// <summary>What the rewrite made of a body line.</summary>
    public LineRole Role(int bodyLine) => bodyLine >= 0 && bodyLine < _lines.Length ? _lines[bodyLine].Role : LineRole.Content;

    /// <summary>Lines kept one to one (an article read without any rewrite).</summary>
    public static ArticleLines Identity(string body, string origin)
    {
        var lines = body.Split('\n');
        return new ArticleLines(lines.Select((l, i) => new SourceLine(l, i + 1, origin)).ToArray());
    }
}
