using FaqBot.Bot.Dialog;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FaqBot.Bot.State;

/// <summary>Registers bounded in-memory conversation state.</summary>
public static class ExpiringStorageServiceCollectionExtensions
{
    /// <summary>
    /// Makes <see cref="ExpiringMemoryStorage"/> the <see cref="IStorage"/> behind conversation and user state, and
    /// <see cref="ExpiringConversationState"/> the <see cref="ConversationState"/> (replacing any registered ones, before
    /// or after <c>AddFaqBot</c>), configured from <c>Bot:State</c>, and logs the storage's size periodically.
    /// </summary>
    public static IServiceCollection AddExpiringConversationState(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ExpiringStorageOptions>()
            .BindConfiguration(ExpiringStorageOptions.SectionName)
            .Validate(o => o.IdleTimeout > TimeSpan.Zero, "Bot:State:IdleTimeout must be positive, e.g. \"00:30:00\".")
            .Validate(o => o.MaxEntries >= 1, "Bot:State:MaxEntries must be at least 1.")
            .Validate(o => o.MonitorInterval >= TimeSpan.Zero, "Bot:State:MonitorInterval must not be negative (zero turns it off).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ExpiringStorageOptions>>().Value);
        services.TryAddSingleton(sp => new ExpiringMemoryStorage(sp.GetRequiredService<ExpiringStorageOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.Replace(ServiceDescriptor.Singleton<IStorage>(sp => sp.GetRequiredService<ExpiringMemoryStorage>()));
        services.Replace(ServiceDescriptor.Singleton<ConversationState>(sp =>
            new ExpiringConversationState(sp.GetRequiredService<ExpiringMemoryStorage>(), [FaqConversationDataJson.Default.FaqConversationData])));
        services.AddHostedService<ConversationStateMonitor>();
        return services;
    }
}
