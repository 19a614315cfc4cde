using FaqBot.Bot.DirectLine;

namespace FaqBot.Web.DirectLine;

/// <summary>Sweeps idle Direct Line conversations once a minute so abandoned chats do not hold memory.</summary>
internal sealed class DirectLineExpiryService(
    IDirectLineStore store,
    TimeProvider time,
    ILogger<DirectLineExpiryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var dropped = await store.RemoveIdleAsync(stoppingToken);
                    if (dropped > 0)
                    {
                        logger.LogInformation("Dropped {Count} idle Direct Line conversations", dropped);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A database that is briefly unreachable must not stop the host; the next sweep tries again.
                    logger.LogWarning(ex, "Could not sweep idle Direct Line conversations; trying again in a minute.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }
}
