using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FaqBot.Bot.State;

/// <summary>Logs how many conversation-state entries are held, and how many expired or were evicted, every interval.</summary>
public sealed class ConversationStateMonitor(
    ExpiringMemoryStorage storage, ExpiringStorageOptions options, TimeProvider time, ILogger<ConversationStateMonitor> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.MonitorInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.MonitorInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                logger.LogInformation(
                    "Conversation state: {Entries} entries ({Expired} expired, {Evicted} evicted; idle timeout {IdleTimeout}, cap {MaxEntries})",
                    storage.Count, storage.Expired, storage.Evicted, options.IdleTimeout, options.MaxEntries);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }
}
