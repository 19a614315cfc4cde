using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.TraceExtensions;
using Microsoft.Bot.Connector;
using Microsoft.Extensions.Logging;

namespace FaqBot.Bot;

/// <summary>
/// What every adapter does when a turn throws: log it, apologise, clear the conversation's state (it may be what
/// broke the turn) and carry on. Set it with <c>adapter.OnTurnError = handler.HandleAsync</c>.
/// </summary>
public sealed class FaqBotTurnErrorHandler
{
    /// <summary>What the user is told.</summary>
    public const string Apology = "Sorry, something went wrong on my side. Please try again, or type **restart** to start over.";

    private const string ErrorTraceKey = "FaqBot.ErrorTraceAllowed";

    private readonly ConversationState _conversationState;
    private readonly ILogger<FaqBotTurnErrorHandler> _logger;

    /// <summary>Creates the handler.</summary>
    public FaqBotTurnErrorHandler(ConversationState conversationState, ILogger<FaqBotTurnErrorHandler> logger)
    {
        _conversationState = conversationState;
        _logger = logger;
    }

    /// <summary>
    /// Lets a failing <paramref name="turnContext"/> send the developer the exception as an Emulator trace. The host calls it
    /// only for a real local Emulator (loopback, authentication off): anyone can claim <c>channelId: emulator</c>.
    /// </summary>
    public static void AllowErrorTrace(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState[ErrorTraceKey] = true;
    }

    /// <summary>Handles an exception that escaped the bot during <paramref name="turnContext"/>.</summary>
    public async Task HandleAsync(ITurnContext turnContext, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        _logger.LogError(exception, "Unhandled error in a {Channel} turn of conversation {Conversation}: {Message}",
            turnContext.Activity?.ChannelId, turnContext.Activity?.Conversation?.Id, exception.Message);

        // Each step is attempted even if the one before it fails: the channel may be what broke.
        try
        {
            await turnContext.SendActivityAsync(Apology);
        }
        catch (Exception sendError)
        {
            _logger.LogError(sendError, "Could not send the apology after a turn error.");
        }

        try
        {
            await _conversationState.DeleteAsync(turnContext);
        }
        catch (Exception stateError)
        {
            _logger.LogError(stateError, "Could not clear conversation state after a turn error.");
        }

        if (turnContext.Activity?.ChannelId == Channels.Emulator && turnContext.TurnState.Get<object>(ErrorTraceKey) is true)
        {
            try
            {
                // The exception with its stack and source paths, for the developer at a local Emulator only.
                await turnContext.TraceActivityAsync("OnTurnError Trace", exception.ToString(), "https://www.botframework.com/schemas/error", "TurnError");
            }
            catch (Exception traceError)
            {
                _logger.LogError(traceError, "Could not send the error trace.");
            }
        }
    }
}
