using FaqBot.Bot;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.DirectLine;

/// <summary>
/// Runs Direct Line activities through the same <see cref="IBot"/> in process: the bot's replies are appended to the
/// conversation's history (where Web Chat polls or streams them) instead of being POSTed to a connector.
/// </summary>
public sealed class DirectLineAdapter : BotAdapter
{
    /// <summary>The channel id the bot sees, as with Azure Direct Line.</summary>
    public const string ChannelId = "directline";

    private readonly TimeProvider _time;
    private readonly DirectLineOptions _options;

    /// <summary>Creates the adapter with the bot's turn error handler (the same one /api/messages uses).</summary>
    public DirectLineAdapter(FaqBotTurnErrorHandler errorHandler, TimeProvider time, IOptions<DirectLineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(errorHandler);
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _options = options.Value;
        OnTurnError = errorHandler.HandleAsync;
    }

    /// <summary>The bot's account on this channel.</summary>
    public ChannelAccount BotAccount => new(_options.BotId, _options.BotName, RoleTypes.Bot);

    /// <summary>
    /// Accepts a client's activity: on a user's first activity the bot first gets a conversationUpdate (so it can welcome),
    /// then the activity is stored with a new id (the echo Web Chat waits for) and the bot's turn runs. Returns the id.
    /// </summary>
    public async Task<string> ReceiveAsync(
        DirectLineConversation conversation,
        Activity activity,
        IBot bot,
        string serviceUrl,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(bot);
        var user = activity.From ?? throw new ArgumentException("The activity has no from.id.", nameof(activity));
        user.Role ??= RoleTypes.User;

        await conversation.TurnLock.WaitAsync(cancellationToken);
        try
        {
            conversation.Touch(_time.GetUtcNow());
            if (conversation.AddMember(user.Id))
            {
                var update = new Activity(ActivityTypes.ConversationUpdate)
                {
                    Id = Guid.NewGuid().ToString("N"),
                    MembersAdded = [BotAccount, new ChannelAccount(user.Id, user.Name, user.Role)],
                    MembersRemoved = [],
                    From = user,
                    Locale = activity.Locale,
                };
                Stamp(update, conversation, serviceUrl);
                await RunTurnAsync(conversation, update, bot, cancellationToken);
            }

            Stamp(activity, conversation, serviceUrl);
            var id = conversation.Append(activity);
            await RunTurnAsync(conversation, activity, bot, cancellationToken);
            return id;
        }
        finally
        {
            conversation.TurnLock.Release();
        }
    }

    /// <inheritdoc />
    public override async Task<ResourceResponse[]> SendActivitiesAsync(
        ITurnContext turnContext,
        Activity[] activities,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var conversation = Conversation(turnContext);
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            switch (activity.Type)
            {
                case ActivityTypesEx.Delay:
                    var delayMs = activity.Value is int ms ? ms : 1000;
                    await Task.Delay(TimeSpan.FromMilliseconds(delayMs), _time, cancellationToken);
                    responses[i] = new ResourceResponse();
                    break;
                case ActivityTypesEx.InvokeResponse:
                    turnContext.TurnState.Add(InvokeResponseKey, activity);
                    responses[i] = new ResourceResponse();
                    break;
                case ActivityTypes.Trace:
                    // Like CloudAdapter: trace activities are for the Emulator only.
                    responses[i] = new ResourceResponse();
                    break;
                default:
                    activity.ChannelId = ChannelId;
                    activity.Timestamp = _time.GetUtcNow();
                    activity.From ??= BotAccount;
                    activity.Conversation = new ConversationAccount(id: conversation.Id);
                    responses[i] = new ResourceResponse(conversation.Append(activity));
                    break;
            }
        }

        conversation.Touch(_time.GetUtcNow());
        return responses;
    }

    /// <inheritdoc />
    public override Task<ResourceResponse> UpdateActivityAsync(
        ITurnContext turnContext,
        Activity activity,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!Conversation(turnContext).Replace(activity))
        {
            throw new InvalidOperationException($"Activity '{activity.Id}' is not in this conversation's history.");
        }

        return Task.FromResult(new ResourceResponse(activity.Id));
    }

    /// <inheritdoc />
    public override Task DeleteActivityAsync(
        ITurnContext turnContext,
        ConversationReference reference,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        Conversation(turnContext).Remove(reference.ActivityId);
        return Task.CompletedTask;
    }

    private static DirectLineConversation Conversation(ITurnContext turnContext) =>
        turnContext.TurnState.Get<DirectLineConversation>()
        ?? throw new InvalidOperationException("This turn was not started by the Direct Line adapter.");

    private void Stamp(Activity activity, DirectLineConversation conversation, string serviceUrl)
    {
        activity.ChannelId = ChannelId;
        activity.ServiceUrl = serviceUrl;
        activity.Conversation = new ConversationAccount(id: conversation.Id);
        activity.Recipient = BotAccount;
        activity.Timestamp = _time.GetUtcNow();
    }

    private async Task RunTurnAsync(DirectLineConversation conversation, Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        using var turnContext = new TurnContext(this, activity);
        turnContext.TurnState.Set(conversation);
        await RunPipelineAsync(turnContext, bot.OnTurnAsync, cancellationToken);
    }
}
