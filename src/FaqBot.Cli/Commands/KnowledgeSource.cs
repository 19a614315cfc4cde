using FaqBot.Knowledge;
using FaqBot.Knowledge.Extraction;
using FaqBot.Knowledge.Model;
using Microsoft.Extensions.Configuration;

namespace FaqBot.Cli.Commands;

/// <summary>Reads the knowledge base from the configured articles folder (<c>Knowledge:ArticlesDirectory</c>).</summary>
internal static class KnowledgeSource
{
    public static KnowledgeBase Load(IConfiguration configuration, string root)
    {
        var options = new KnowledgeOptions();
        configuration.GetSection(KnowledgeOptions.Section).Bind(options);
        var directory = Path.GetFullPath(options.ArticlesDirectory, root);
        if (!Directory.Exists(directory))
        {
            throw new CommandException($"Articles folder '{directory}' not found; run from the repository root or pass --knowledge FILE.json.");
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
