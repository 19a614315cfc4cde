using FaqBot.Bot.Dialog;
using FaqBot.Bot.Feedback;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaqBot.Bot;

/// <summary>Registers the FAQ bot.</summary>
public static class FaqBotServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IBot"/> (<see cref="FaqActivityHandler"/>), <see cref="FaqDialog"/>, <see cref="IStorage"/>
    /// (a <see cref="MemoryStorage"/> unless one is already registered: register an expiring one first to bound idle state),
    /// <see cref="ConversationState"/>, <see cref="UserState"/>, the SQLite <see cref="IFeedbackStore"/>,
    /// <see cref="FaqBotTurnErrorHandler"/> and <see cref="BotOptions"/> (section <c>Bot</c>). Needs an
    /// <c>IAnswerEngine</c>, an <see cref="IConfiguration"/> and logging registered by the host.
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
            .Validate(o => o.FeedbackCommitInterval >= TimeSpan.Zero && o.FeedbackCommitInterval <= TimeSpan.FromSeconds(1),
                "Bot:FeedbackCommitInterval must be between 00:00:00 and 00:00:01, e.g. \"00:00:00.005\".")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IStorage, MemoryStorage>();
        services.TryAddSingleton(sp => new ConversationState(sp.GetRequiredService<IStorage>()));
        services.TryAddSingleton(sp => new UserState(sp.GetRequiredService<IStorage>()));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BotOptions>>().Value;
            return new SqliteFeedbackStore(
                options.GetDatabasePath(), options.FeedbackSurvivesPowerLoss, options.FeedbackCommitInterval,
                sp.GetRequiredService<ILogger<SqliteFeedbackStore>>());
        });
        services.TryAddSingleton<IFeedbackStore>(sp => sp.GetRequiredService<SqliteFeedbackStore>());
        services.TryAddSingleton<FaqDialog>();
        services.TryAddSingleton<FaqBotTurnErrorHandler>();
        services.TryAddSingleton<IBot, FaqActivityHandler>();
        return services;
    }

    // The key the generic host and ASP.NET Core put the content root under (HostDefaults.ContentRootKey).
    private const string HostContentRootKey = "contentRoot";
}
