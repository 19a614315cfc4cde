using FaqBot.Bot.Dialog;
using FaqBot.Bot.Feedback;
using FaqBot.Bot.State;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FaqBot.Bot;

/// <summary>Registers the FAQ bot.</summary>
public static class FaqBotServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IBot"/> (<see cref="FaqActivityHandler"/>), <see cref="FaqDialog"/>, <see cref="ConversationState"/>
    /// over an <see cref="IStorage"/> (unless one is already registered, <see cref="MemoryCacheStorage"/>: bounded, expiring,
    /// configured from <c>Bot:State</c>, its size logged by <see cref="ConversationStateMonitor"/>), the SQLite
    /// <see cref="IFeedbackStore"/> (unless one is already registered) with <see cref="FeedbackHealth"/> (checked at start by
    /// <see cref="FeedbackStoreCheck"/>), <see cref="FaqBotTurnErrorHandler"/> and
    /// <see cref="BotOptions"/> (section <c>Bot</c>). Needs an <c>IAnswerEngine</c>, an <see cref="IConfiguration"/> and
    /// logging registered by the host.
    /// </summary>
    public static IServiceCollection AddFaqBot(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<BotOptions>()
            .BindConfiguration(BotOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.ContentRoot ??= configuration[HostContentRootKey])
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "Bot:DataDirectory must name a folder for the feedback database.")
            .Validate(o => o.MaxQuestionLength is >= 20 and <= 100_000, "Bot:MaxQuestionLength must be between 20 and 100000.")
            .ValidateOnStart();
        services.AddOptions<FeedbackRetention>()
            .BindConfiguration(FeedbackRetention.SectionName)
            .Validate(o => o.Problem() is null, "Bot:FeedbackRetention is invalid: MaxRows and MaxPerConversationPerMinute must be at least 1, MaxAge positive, RepeatWindow not negative.")
            .ValidateOnStart();
        services.AddOptions<StateOptions>()
            .BindConfiguration(StateOptions.SectionName)
            .Validate(o => o.IdleTimeout > TimeSpan.Zero, "Bot:State:IdleTimeout must be positive, e.g. \"00:30:00\".")
            .Validate(o => o.MaxEntries >= 100, "Bot:State:MaxEntries must be at least 100.")
            .Validate(o => o.MonitorInterval >= TimeSpan.Zero, "Bot:State:MonitorInterval must not be negative (zero turns it off).")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MemoryCacheStorage>();
        services.TryAddSingleton<IStorage>(sp => sp.GetRequiredService<MemoryCacheStorage>());
        services.TryAddSingleton(sp => new ConversationState(sp.GetRequiredService<IStorage>()));
        services.AddHostedService<ConversationStateMonitor>();
        services.TryAddSingleton(sp => new SqliteFeedbackStore(
            sp.GetRequiredService<IOptions<BotOptions>>().Value.GetDatabasePath(), sp.GetRequiredService<IOptions<FeedbackRetention>>().Value));
        services.TryAddSingleton<IFeedbackStore>(sp => sp.GetRequiredService<SqliteFeedbackStore>());
        services.TryAddSingleton<FeedbackHealth>();
        services.AddHostedService<FeedbackStoreCheck>();
        services.TryAddSingleton<FaqDialog>();
        services.TryAddSingleton<FaqBotTurnErrorHandler>();
        services.TryAddSingleton<IBot, FaqActivityHandler>();
        return services;
    }

    // The key the generic host and ASP.NET Core put the content root under (HostDefaults.ContentRootKey).
    private const string HostContentRootKey = "contentRoot";
}
