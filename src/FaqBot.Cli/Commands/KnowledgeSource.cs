using FaqBot.Knowledge;
using FaqBot.Knowledge.Extraction;
using FaqBot.Knowledge.Model;

namespace FaqBot.Cli.Commands;

/// <summary>Reads the knowledge base from the configured articles folder (<c>Knowledge:ArticlesDirectory</c>).</summary>
internal static class KnowledgeSource
{
    public static KnowledgeBase Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new CommandException($"Articles folder '{directory}' not found; set Knowledge:ArticlesDirectory or pass --knowledge FILE.json.");
        }

        try
        {
            return KnowledgeExtractor.ExtractDirectory(directory);
        }
        catch (ArticleFormatException ex)
        {
            throw new CommandException(ex.Message);
        }
    }
}
