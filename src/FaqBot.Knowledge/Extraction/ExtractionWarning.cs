namespace FaqBot.Knowledge.Extraction;

/// <summary>Something in a page that was used anyway, in a weaker form: an include not found, a link shown as text.</summary>
/// <param name="FilePath">The page, as the user named it.</param>
/// <param name="Line">1-based line in the page, when known.</param>
/// <param name="Message">What was wrong and what was done instead.</param>
public sealed record ExtractionWarning(string FilePath, int? Line, string Message)
{
    /// <summary>"file:line: message", the form <c>extract</c> prints after "warning: ".</summary>
    public override string ToString() => Line is { } line ? $"{FilePath}:{line}: {Message}" : $"{FilePath}: {Message}";
}
