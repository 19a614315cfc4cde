using FaqBot.Classifier.Hosting;
using FaqBot.Knowledge.Model;
using FaqBot.Knowledge.Serialization;
using Microsoft.Extensions.Configuration;

namespace FaqBot.Cli.Commands;

/// <summary>What the classifier commands share: configuration from <c>appsettings.json</c>, the knowledge base, the loader.</summary>
internal sealed class ClassifierContext
{
    private ClassifierContext(ClassifierOptions options, KnowledgeBase knowledgeBase, AnswerEngineLoader loader)
    {
        Options = options;
        KnowledgeBase = knowledgeBase;
        Loader = loader;
    }

    public ClassifierOptions Options { get; }

    public KnowledgeBase KnowledgeBase { get; }

    public AnswerEngineLoader Loader { get; }

    /// <summary>Reads configuration from the current directory and the knowledge base from <paramref name="knowledgeFile"/> (JSON from <c>extract</c>) or the articles folder.</summary>
    public static ClassifierContext Create(string? knowledgeFile)
    {
        var root = Directory.GetCurrentDirectory();
        var configuration = CliConfiguration.Load();
        var options = new ClassifierOptions();
        configuration.GetSection(ClassifierOptions.SectionName).Bind(options);
        var knowledgeBase = knowledgeFile is not null
            ? LoadJson(knowledgeFile)
            : KnowledgeSource.Load(configuration, root);
        return new ClassifierContext(options, knowledgeBase, new AnswerEngineLoader(options, root));
    }

    private static KnowledgeBase LoadJson(string path)
    {
        if (!File.Exists(path))
        {
            throw new CommandException($"Knowledge base file '{path}' does not exist.");
        }

        try
        {
            return KnowledgeBaseJson.Deserialize(File.ReadAllText(path), path);
        }
        catch (KnowledgeBaseFormatException ex)
        {
            throw new CommandException(ex.Message);
        }
    }
}
