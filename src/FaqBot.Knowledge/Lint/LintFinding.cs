namespace FaqBot.Knowledge.Lint;

/// <summary>One lint finding about an entry.</summary>
/// <param name="Severity">Warning or error.</param>
/// <param name="EntryId">The entry at fault.</param>
/// <param name="SourcePath">The article file it came from.</param>
/// <param name="Line">1-based line of the entry in that file.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record LintFinding(LintSeverity Severity, string EntryId, string SourcePath, int Line, string Message)
{
    /// <summary>"warning: file:line: entry: message", the form <c>extract</c> prints.</summary>
    public override string ToString() =>
        $"{(Severity == LintSeverity.Error ? "error" : "warning")}: {SourcePath}:{Line}: {EntryId}: {Message}";
}
