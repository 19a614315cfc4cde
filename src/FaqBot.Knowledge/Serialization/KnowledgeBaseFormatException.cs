namespace FaqBot.Knowledge.Serialization;

/// <summary>A knowledge base JSON file is missing, malformed, or does not describe a knowledge base.</summary>
public sealed class KnowledgeBaseFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="filePath"/>.</summary>
    public KnowledgeBaseFormatException(string filePath, string problem, Exception? innerException = null)
        : base($"{filePath}: {problem}", innerException)
    {
        FilePath = filePath;
    }

    /// <summary>The file at fault.</summary>
    public string FilePath { get; }
}
