namespace FaqBot.Web.Hosting;

/// <summary>Sweeps idle bot state every few minutes.</summary>
internal sealed class StateExpiryService(
    ExpiringMemoryStorage storage,
    TimeProvider time,
    ILogger<StateExpiryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var dropped = await storage.RemoveIdleAsync(stoppingToken);
                if (dropped > 0)
                {
                    logger.LogInformation("Dropped {Count} idle bot state entries", dropped);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }
}
