using FaqBot.Classifier.Answering;
using FaqBot.Knowledge;
using FaqBot.Knowledge.Extraction;
using FaqBot.Knowledge.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FaqBot.Classifier.Hosting;

/// <summary>Registers the answer engine.</summary>
public static class AnswerEngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IAnswerEngine"/> (and <see cref="AnswerEngine"/>) as a singleton bound to the <c>Classifier</c>
    /// section. On first resolution it loads the current model or trains one (logged). Uses a registered <see cref="KnowledgeBase"/>, else
    /// extracts <c>Knowledge:ArticlesDirectory</c>. Relative paths resolve against <paramref name="contentRoot"/> (default: the current directory).
    /// </summary>
    public static IServiceCollection AddAnswerEngine(this IServiceCollection services, string? contentRoot = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ClassifierOptions>()
            .BindConfiguration(ClassifierOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ModelDirectory), "Classifier:ModelDirectory must be set.")
            .Validate(o => o.DeclineThreshold is null or (>= 0 and <= 1), "Classifier:DeclineThreshold must be between 0 and 1.")
            .Validate(o => o.ClarificationMargin is null or (>= 0 and <= 1), "Classifier:ClarificationMargin must be between 0 and 1.")
            .Validate(o => o.LexicalWeight >= 0, "Classifier:LexicalWeight must not be negative.")
            .Validate(o => o.QuestionWeight >= 0, "Classifier:QuestionWeight must not be negative.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new AnswerEngineLoader(
            sp.GetRequiredService<IOptions<ClassifierOptions>>().Value,
            contentRoot ?? Directory.GetCurrentDirectory(),
            LoggerFactoryOf(sp).CreateLogger<AnswerEngineLoader>()));
        services.TryAddSingleton(sp =>
        {
            var loader = sp.GetRequiredService<AnswerEngineLoader>();
            var knowledgeBase = sp.GetService<KnowledgeBase>() ?? ExtractConfiguredArticles(sp, contentRoot);
            var answerer = loader.LoadOrTrain(knowledgeBase, out _);
            return new AnswerEngine(answerer, loader, LoggerFactoryOf(sp).CreateLogger<AnswerEngine>());
        });
        services.TryAddSingleton<IAnswerEngine>(sp => sp.GetRequiredService<AnswerEngine>());
        return services;
    }

    // Without a registered knowledge base, read Knowledge:ArticlesDirectory the way the extract command does.
    private static KnowledgeBase ExtractConfiguredArticles(IServiceProvider services, string? contentRoot)
    {
        var options = new KnowledgeOptions();
        services.GetService<IConfiguration>()?.GetSection(KnowledgeOptions.Section).Bind(options);
        return KnowledgeExtractor.ExtractDirectory(Path.GetFullPath(options.ArticlesDirectory, contentRoot ?? Directory.GetCurrentDirectory()));
    }

    private static ILoggerFactory LoggerFactoryOf(IServiceProvider services) =>
        services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
}
