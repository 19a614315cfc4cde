using FaqBot.Classifier.Answering;
using FaqBot.Classifier.Hosting;
using FaqBot.Hosting.Reloading;
using FaqBot.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaqBot.Hosting;

/// <summary>Registers the answer engine and what loads, trains and reloads it, for the web host and the CLI alike.</summary>
public static class AnswerEngineHostingExtensions
{
    /// <summary>
    /// Binds <c>Knowledge</c>, <c>Knowledge:Reload</c> and <c>Classifier</c> (validated at start), resolves the folders
    /// against the content root (<see cref="FaqBotPaths"/>), and registers <see cref="ArticlesReader"/>, <see cref="AnswerEngineLoader"/>,
    /// <see cref="AnswerEngineHost"/>, <see cref="AnswerEngineService"/> (a hosted service: the first model loads or trains
    /// after start-up, then the folder is watched) and <see cref="IAnswerEngine"/>, which can be resolved once
    /// <see cref="AnswerEngineHost.IsReady"/>.
    /// </summary>
    public static IHostApplicationBuilder AddAnswerEngine(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<KnowledgeOptions>()
            .BindConfiguration(KnowledgeOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ArticlesDirectory), "Knowledge:ArticlesDirectory must name the folder of Markdown articles.")
            .Validate(HasUsableBaseUrl, "Knowledge:BaseUrl must be empty or an absolute http(s) address, e.g. https://docs.example.com/bot/.")
            .ValidateOnStart();
        services.AddOptions<KnowledgeReloadOptions>()
            .BindConfiguration(KnowledgeReloadOptions.SectionName)
            .Validate(o => o.Debounce >= TimeSpan.Zero, "Knowledge:Reload:Debounce must not be negative, e.g. \"00:00:01\".")
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Knowledge:Reload:PollInterval must be positive, e.g. \"00:00:02\".")
            .ValidateOnStart();
        services.AddOptions<ClassifierOptions>()
            .BindConfiguration(ClassifierOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ModelDirectory), "Classifier:ModelDirectory must be set.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "Classifier:DataDirectory must be set.")
            .Validate(o => o.DeclineThreshold is null or (>= 0 and <= 1), "Classifier:DeclineThreshold must be between 0 and 1.")
            .Validate(o => o.ClarificationMargin is null or (>= 0 and <= 1), "Classifier:ClarificationMargin must be between 0 and 1.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => FaqBotPaths.Resolve(
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath,
            sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value,
            sp.GetRequiredService<IOptions<ClassifierOptions>>().Value));
        services.TryAddSingleton<ArticlesReader>();
        services.TryAddSingleton(sp => new AnswerEngineLoader(
            sp.GetRequiredService<IOptions<ClassifierOptions>>().Value,
            sp.GetRequiredService<FaqBotPaths>().ContentRoot,
            sp.GetRequiredService<ILogger<AnswerEngineLoader>>()));
        services.TryAddSingleton<AnswerEngineHost>();
        services.TryAddSingleton<IAnswerEngine>(sp => sp.GetRequiredService<AnswerEngineHost>().Engine
            ?? throw new InvalidOperationException(
                "The answer engine is not ready yet: wait for AnswerEngineHost.WhenReadyAsync, or check AnswerEngineHost.IsReady first."));
        services.AddHostedService<AnswerEngineService>();

        // The hosted instance itself, for a CLI that loads on demand and for tests that await a reload.
        services.TryAddSingleton(sp => sp.GetServices<IHostedService>().OfType<AnswerEngineService>().Single());
        return builder;
    }

    private static bool HasUsableBaseUrl(KnowledgeOptions options)
    {
        try
        {
            options.ToExtractionOptions();
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
