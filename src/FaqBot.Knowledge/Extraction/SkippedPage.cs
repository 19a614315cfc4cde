namespace FaqBot.Knowledge.Extraction;

/// <summary>A page that could not be used; the rest of the folder was served without it.</summary>
/// <param name="FilePath">The page, as the user named it.</param>
/// <param name="Line">1-based line of the problem, when known.</param>
/// <param name="Reason">What is wrong and what to do.</param>
public sealed record SkippedPage(string FilePath, int? Line, string Reason)
{
    /// <summary>"file:line: reason".</summary>
    public override string ToString() => Line is { } line ? $"{FilePath}:{line}: {Reason}" : $"{FilePath}: {Reason}";
}
