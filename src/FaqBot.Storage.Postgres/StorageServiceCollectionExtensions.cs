using FaqBot.Bot.Feedback;
using FaqBot.Bot.State;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FaqBot.Storage.Postgres;

/// <summary>Chooses where the bot keeps conversation state and feedback.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> (<c>Storage:Provider</c>, <c>ConnectionStrings:FaqBot</c>, validated at start) and
    /// makes the <see cref="IStorage"/> and <see cref="IFeedbackStore"/> that <c>AddFaqBot</c> registers the chosen
    /// provider's: this process's memory and SQLite by default, PostgreSQL with <see cref="StorageProvider.Postgres"/>
    /// (its schema migrated at start-up by <see cref="PostgresStartup"/>). Call after <c>AddFaqBot</c>. Also registers
    /// <see cref="PostgresDirectLineStore"/> and its <see cref="PostgresDirectLineListener"/> (idle with Memory), which the
    /// host's Direct Line endpoint uses with Postgres.
    /// </summary>
    public static IServiceCollection AddFaqBotStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString ??= configuration.GetConnectionString(StorageOptions.ConnectionStringName))
            .Validate(o => Enum.IsDefined(o.Provider), "Storage:Provider must be Memory or Postgres.")
            .Validate(o => o.Provider != StorageProvider.Postgres || IsConnectionString(o.ConnectionString),
                "Storage:Provider is Postgres, so ConnectionStrings:FaqBot must be a PostgreSQL connection string, e.g. \"Host=db;Database=faqbot;Username=faqbot;Password=…\".")
            .ValidateOnStart();

        services.TryAddSingleton(sp => NpgsqlDataSource.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString!));
        services.TryAddSingleton<PostgresStorage>();
        services.TryAddSingleton(sp => new PostgresFeedbackStore(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IOptions<FeedbackRetention>>().Value));
        services.Replace(ServiceDescriptor.Singleton<IStorage>(sp => UsesPostgres(sp)
            ? sp.GetRequiredService<PostgresStorage>()
            : sp.GetRequiredService<MemoryCacheStorage>()));
        services.Replace(ServiceDescriptor.Singleton<IFeedbackStore>(sp => UsesPostgres(sp)
            ? sp.GetRequiredService<PostgresFeedbackStore>()
            : sp.GetRequiredService<SqliteFeedbackStore>()));
        services.AddHostedService<PostgresStartup>();

        // The built-in Direct Line endpoint picks this store with Postgres (it supplies the DirectLineLimits).
        services.TryAddSingleton<DirectLineChangeSignals>();
        services.TryAddSingleton<PostgresDirectLineStore>();
        services.AddHostedService<PostgresDirectLineListener>();
        return services;
    }

    private static bool UsesPostgres(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Postgres;

    private static bool IsConnectionString(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            return !string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(text).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
