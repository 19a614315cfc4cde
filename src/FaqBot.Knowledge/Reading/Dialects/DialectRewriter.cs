namespace FaqBot.Knowledge.Reading.Dialects;

/// <summary>Rewrites an article's dialect (DocFX, GitHub, MkDocs Material, kramdown) into CommonMark Markdig can read.</summary>
internal static class DialectRewriter
{
    /// <summary>The page's body lines (front matter already blanked), rewritten; includes expanded.</summary>
    public static ArticleLines Rewrite(string[] bodyLines, PageContext page)
    {
        var lines = new List<SourceLine>(bodyLines.Length);
        for (var i = 0; i < bodyLines.Length; i++)
        {
            lines.Add(new SourceLine(bodyLines[i], i + 1, page.SourcePath));
        }

        var expanded = DocFxIncludes.Expand(lines, page);
        var rewritten = MkDocsBlocks.Rewrite(LineDirectives.Rewrite(expanded));
        return new ArticleLines(rewritten);
    }
}
