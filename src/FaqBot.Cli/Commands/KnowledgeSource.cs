using FaqBot.Knowledge.Model;
using Microsoft.Extensions.Configuration;

namespace FaqBot.Cli.Commands;

/// <summary>Reads the knowledge base from the configured articles folder.</summary>
internal static class KnowledgeSource
{
    public static KnowledgeBase Load(IConfiguration configuration, string root)
    {
        var directory = Path.GetFullPath(configuration["Knowledge:ArticlesDirectory"] ?? "data/articles", root);
        throw new CommandException($"Reading articles from '{directory}' needs the knowledge extractor; pass --knowledge FILE.json meanwhile.");
    }
}
