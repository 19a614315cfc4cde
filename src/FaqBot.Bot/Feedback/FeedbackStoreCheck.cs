using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FaqBot.Bot.Feedback;

/// <summary>
/// Opens the SQLite feedback database at start-up, so a data folder the host cannot write shows in <c>/healthz</c>
/// before the first user is told nothing could be noted, and in the log with what to fix. Never stops the host.
/// </summary>
public sealed class FeedbackStoreCheck(
    IFeedbackStore store, FeedbackHealth health, TimeProvider time, ILogger<FeedbackStoreCheck> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // PostgreSQL checks its own connection while migrating; only the SQLite file can silently be unwritable.
        if (store is not SqliteFeedbackStore sqlite)
        {
            return;
        }

        try
        {
            await sqlite.OpenAsync(cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            health.Failed(ex.Message, time.GetUtcNow());
            logger.LogWarning("Feedback cannot be stored; the bot answers, but unanswered questions and ratings are not kept. {Problem}", ex.Message);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
