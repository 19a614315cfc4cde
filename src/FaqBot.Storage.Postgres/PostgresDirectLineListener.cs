using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FaqBot.Storage.Postgres;

/// <summary>
/// With <see cref="StorageProvider.Postgres"/>: one connection per replica that LISTENs for the notifications
/// <see cref="PostgresDirectLineStore"/> sends when a conversation changes, and wakes this replica's streams of that
/// conversation, so an activity posted through another replica reaches them at once. A lost connection is reopened
/// after a second, and every stream then reads again, as it does every <see cref="RereadInterval"/> anyway.
/// </summary>
public sealed class PostgresDirectLineListener(
    IOptions<StorageOptions> storage,
    IServiceProvider services,
    DirectLineChangeSignals signals,
    TimeProvider time,
    ILogger<PostgresDirectLineListener> logger) : BackgroundService
{
    /// <summary>The notification channel.</summary>
    public const string Channel = "faqbot_directline";

    /// <summary>How often every stream reads again even without a notification.</summary>
    public static readonly TimeSpan RereadInterval = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (storage.Value.Provider != StorageProvider.Postgres)
        {
            return;
        }

        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(dataSource, stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or IOException)
            {
                logger.LogWarning(ex, "Lost the Direct Line notification connection; streams read again and it reconnects in a second.");
                signals.WakeAll();
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(NpgsqlDataSource dataSource, CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        connection.Notification += (_, notification) => signals.Wake(notification.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel};", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        // Anything sent before LISTEN took effect was missed: read again.
        signals.WakeAll();
        var lastReread = time.GetUtcNow();
        while (true)
        {
            await connection.WaitAsync(RereadInterval, stoppingToken);
            if (time.GetUtcNow() - lastReread >= RereadInterval)
            {
                signals.WakeAll();
                lastReread = time.GetUtcNow();
            }
        }
    }
}
