namespace FaqBot.Knowledge.Reading.Dialects;

/// <summary>One line of an article after its dialect was rewritten to CommonMark, with where it came from.</summary>
/// <param name="Text">The line as Markdig will read it.</param>
/// <param name="PageLine">1-based line in the page file (an included line maps to its include directive).</param>
/// <param name="Origin">The file the line was written in, relative to the articles folder (the page, or an included snippet).</param>
/// <param name="Role">What the rewrite made of the line.</param>
internal readonly record struct SourceLine(string Text, int PageLine, string Origin, LineRole Role = LineRole.Content)
{
    public SourceLine WithText(string text, LineRole role = LineRole.Content) => this with { Text = text, Role = role };
}
