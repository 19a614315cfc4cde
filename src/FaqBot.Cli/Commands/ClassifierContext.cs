using FaqBot.Hosting;
using FaqBot.Classifier.Hosting;
using FaqBot.Knowledge.Model;
using FaqBot.Knowledge.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

    /// <summary>The bound <c>Classifier</c> options and the resolved folders, for commands that build their own loaders.</summary>
    public static (ClassifierOptions Options, FaqBotPaths Paths) ReadSettings()
    {
        using var host = CliHost.Build();
        return (CliHost.Valid(() => host.Services.GetRequiredService<IOptions<ClassifierOptions>>().Value), host.Paths());
    }

    /// <summary>
    /// Reads settings (<see cref="CliHost"/>) and the knowledge base from <paramref name="knowledgeFile"/> (JSON from
    /// <c>extract</c>) or the articles folder (<see cref="KnowledgeSource"/>).
    /// </summary>
    public static ClassifierContext Create(string? knowledgeFile)
    {
        // Not disposed: it lives as long as the command, and the loader logs through it.
        var host = CliHost.Build();
        var options = CliHost.Valid(() => host.Services.GetRequiredService<IOptions<ClassifierOptions>>().Value);
        var knowledgeBase = knowledgeFile is not null
            ? LoadJson(knowledgeFile)
            : KnowledgeSource.Load(host, Console.Error);
        return new ClassifierContext(options, knowledgeBase, host.Services.GetRequiredService<AnswerEngineLoader>());
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
