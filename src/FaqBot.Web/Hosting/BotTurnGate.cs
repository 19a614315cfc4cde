using FaqBot.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace FaqBot.Web.Hosting;

/// <summary>
/// Stands in front of the FAQ bot on every channel: logs one line per turn, and until the answer engine is ready
/// (the first model still training, or no usable article at all) replies politely instead of running the bot, which
/// cannot answer without it.
/// </summary>
public sealed class BotTurnGate(AnswerEngineHost engines, Lazy<IBot> bot, TimeProvider time, ILogger<BotTurnGate> logger) : IBot
{
    /// <summary>The reply while the first model loads or trains.</summary>
    public const string StartingReply = "I'm just starting up and still reading my articles. Please ask me again in a minute.";

    /// <summary>The reply while no article can be used.</summary>
    public const string UnavailableReply =
        "Sorry, I can't answer questions right now: I have no articles I can use. The people who run me have been told; please try again later.";

    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var started = time.GetTimestamp();
        var replies = 0;
        turnContext.OnSendActivities((_, activities, next) =>
        {
            Interlocked.Add(ref replies, activities.Count);
            return next();
        });
        var outcome = "failed";
        try
        {
            if (engines.IsReady)
            {
                await bot.Value.OnTurnAsync(turnContext, cancellationToken);
                outcome = "handled by the bot";
            }
            else
            {
                outcome = await DeclineAsync(turnContext, cancellationToken);
            }
        }
        finally
        {
            var activity = turnContext.Activity;
            logger.LogInformation(
                "Turn {Channel} {ActivityType} in conversation {Conversation}: {Outcome}, {Replies} replies in {Milliseconds:0} ms",
                activity?.ChannelId,
                activity?.Type,
                activity?.Conversation?.Id,
                outcome,
                Volatile.Read(ref replies),
                time.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private async Task<string> DeclineAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var someoneJoined = activity?.Type == ActivityTypes.ConversationUpdate
            && activity.MembersAdded?.Any(m => m is not null && m.Id != activity.Recipient?.Id) == true;
        if (activity?.Type != ActivityTypes.Message && !someoneJoined)
        {
            return "ignored while starting";
        }

        var unavailable = engines.Status.Health == KnowledgeHealth.Unavailable;
        await turnContext.SendActivityAsync(unavailable ? UnavailableReply : StartingReply, cancellationToken: cancellationToken);
        return unavailable ? "declined: no usable articles" : "declined: still starting";
    }
}
