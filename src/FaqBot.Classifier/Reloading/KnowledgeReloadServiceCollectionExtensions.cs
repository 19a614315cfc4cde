using FaqBot.Classifier.Answering;
using FaqBot.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaqBot.Classifier.Reloading;

/// <summary>Registers hot reload of the articles.</summary>
public static class KnowledgeReloadServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="KnowledgeReloadService"/> as a hosted service watching <c>Knowledge:ArticlesDirectory</c> (relative to
    /// <paramref name="contentRoot"/>, default the current directory), configured by <c>Knowledge:Reload</c>. Call after
    /// <c>AddAnswerEngine</c>.
    /// </summary>
    public static IServiceCollection AddKnowledgeHotReload(this IServiceCollection services, string? contentRoot = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var configuration = sp.GetService<IConfiguration>();
            var knowledge = new KnowledgeOptions();
            configuration?.GetSection(KnowledgeOptions.Section).Bind(knowledge);
            var reload = new KnowledgeReloadOptions();
            configuration?.GetSection(KnowledgeReloadOptions.SectionName).Bind(reload);
            if (reload.Debounce < TimeSpan.Zero)
            {
                throw new InvalidOperationException("Knowledge:Reload:Debounce must not be negative, e.g. \"00:00:01\".");
            }

            var root = contentRoot ?? Directory.GetCurrentDirectory();
            return new KnowledgeReloadService(
                () => sp.GetRequiredService<AnswerEngine>(),
                Path.GetFullPath(knowledge.ArticlesDirectory, root),
                reload,
                sp.GetRequiredService<TimeProvider>(),
                (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<KnowledgeReloadService>());
        });
        services.AddHostedService(sp => sp.GetRequiredService<KnowledgeReloadService>());
        return services;
    }
}
