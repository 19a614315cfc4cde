namespace FaqBot.Knowledge;

/// <summary>
/// An article could not be read or turned into entries. The message names the file (and line) and says what to fix.
/// </summary>
public sealed class ArticleFormatException : Exception
{
    /// <summary>Creates the exception for a problem in <paramref name="filePath"/>, at <paramref name="line"/> when known.</summary>
    public ArticleFormatException(string filePath, int? line, string problem, Exception? innerException = null)
        : base(Format(filePath, line, problem), innerException)
    {
        FilePath = filePath;
        Line = line;
        Problem = problem;
    }

    /// <summary>The article file at fault, as the user named it.</summary>
    public string FilePath { get; }

    /// <summary>1-based line in the original file, or null when the problem is the whole file.</summary>
    public int? Line { get; }

    /// <summary>The problem alone, without the file and line.</summary>
    public string Problem { get; }

    private static string Format(string filePath, int? line, string problem) =>
        line is { } l ? $"{filePath}:{l}: {problem}" : $"{filePath}: {problem}";
}
