using Microsoft.Bot.Builder;

namespace FaqBot.Web.Messaging;

/// <summary>
/// The adapters' <c>OnTurnError</c>: logs the failure and tells the user, so one broken turn never surfaces as an HTTP 500.
/// </summary>
public sealed class HostTurnErrorHandler(ILogger<HostTurnErrorHandler> logger)
{
    /// <summary>What the user sees when a turn fails.</summary>
    public const string ApologyText = "Sorry, something went wrong on my side. Please try again.";

    /// <summary>Handles an exception that escaped the bot's turn.</summary>
    public async Task HandleAsync(ITurnContext turnContext, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        logger.LogError(
            exception,
            "Unhandled error in a {ChannelId} turn for conversation {ConversationId}",
            turnContext.Activity?.ChannelId,
            turnContext.Activity?.Conversation?.Id);
        try
        {
            await turnContext.SendActivityAsync(ApologyText);
        }
        catch (Exception sendError) when (sendError is not OperationCanceledException)
        {
            // The channel may be the thing that failed; the log above already has the cause.
            logger.LogWarning(sendError, "Could not send the apology after a failed turn");
        }
    }
}
