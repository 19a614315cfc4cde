using FaqBot.Bot.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FaqBot.Storage.Postgres;

/// <summary>
/// With <see cref="StorageProvider.Postgres"/>: migrates the schema before the host serves, then deletes conversation
/// state idle past <c>Bot:State:IdleTimeout</c> now and then (every replica may; the deletes do not conflict).
/// </summary>
public sealed class PostgresStartup(
    IOptions<StorageOptions> storage, IOptions<StateOptions> state, IServiceProvider services, TimeProvider time, ILogger<PostgresStartup> logger)
    : BackgroundService
{
    /// <inheritdoc />
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (storage.Value.Provider == StorageProvider.Postgres)
        {
            var applied = await PostgresSchema.MigrateAsync(DataSource, cancellationToken);
            logger.LogInformation("PostgreSQL storage ready (schema version {Version}, {Applied} migrations applied now).", PostgresSchema.LatestVersion, applied);
            await base.StartAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idle = state.Value.IdleTimeout;
        var store = services.GetRequiredService<PostgresStorage>();
        using var timer = new PeriodicTimer(idle < TimeSpan.FromMinutes(5) ? idle : TimeSpan.FromMinutes(5), time);
        try
        {
            do
            {
                try
                {
                    var deleted = await store.DeleteIdleAsync(idle, stoppingToken);
                    logger.LogDebug("Deleted {Count} conversation states idle for {IdleTimeout}.", deleted, idle);
                }
                catch (NpgsqlException ex)
                {
                    logger.LogWarning(ex, "Could not delete idle conversation state; trying again later.");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    // Resolved only with Postgres chosen: with Memory there is no connection string to build a data source from.
    private NpgsqlDataSource DataSource => services.GetRequiredService<NpgsqlDataSource>();
}
