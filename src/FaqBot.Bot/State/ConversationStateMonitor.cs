using Microsoft.Bot.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaqBot.Bot.State;

/// <summary>Logs how many conversation-state entries this process holds in memory, every interval.</summary>
public sealed class ConversationStateMonitor(
    IStorage storage, IOptions<StateOptions> options, TimeProvider time, ILogger<ConversationStateMonitor> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var bounds = options.Value;
        if (storage is not MemoryCacheStorage memory || bounds.MonitorInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(bounds.MonitorInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                logger.LogInformation(
                    "Conversation state: {Entries} entries (idle timeout {IdleTimeout}, cap {MaxEntries})",
                    memory.Count, bounds.IdleTimeout, bounds.MaxEntries);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }
}
