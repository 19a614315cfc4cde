using FaqBot.Bot;
using FaqBot.Bot.DirectLine;
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

    // Turns of one conversation run one at a time in this process (bot state is per conversation and a turn reads it
    // once and writes it once). Striped rather than one lock per conversation, so nothing has to be cleaned up; two
    // conversations sharing a stripe only wait for each other's turn. Across replicas turns are not serialised: ids stay
    // ordered by the store, and state is last write wins as on /api/messages.
    private readonly SemaphoreSlim[] _turnLocks = [.. Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly IDirectLineStore _store;
    private readonly TimeProvider _time;
    private readonly DirectLineOptions _options;
    private readonly int _maxStoredText;

    /// <summary>Creates the adapter with the bot's turn error handler (the same one /api/messages uses).</summary>
    public DirectLineAdapter(
        FaqBotTurnErrorHandler errorHandler,
        IDirectLineStore store,
        TimeProvider time,
        IOptions<DirectLineOptions> options,
        IOptions<BotOptions> botOptions)
    {
        ArgumentNullException.ThrowIfNull(errorHandler);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(botOptions);
        _store = store;
        _time = time;
        _options = options.Value;
        _maxStoredText = botOptions.Value.MaxQuestionLength;
        OnTurnError = errorHandler.HandleAsync;
    }

    /// <summary>The bot's account on this channel.</summary>
    public ChannelAccount BotAccount => new(_options.BotId, _options.BotName, RoleTypes.Bot);

    /// <summary>
    /// Accepts a client's activity: on a user's first activity the bot first gets a conversationUpdate (so it can welcome),
    /// then the activity is stored with a new id (the echo Web Chat waits for) and the bot's turn runs. Returns the id,
    /// or null when the conversation is no longer live.
    /// </summary>
    public async Task<string?> ReceiveAsync(
        string conversationId,
        Activity activity,
        IBot bot,
        string serviceUrl,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(bot);
        var user = activity.From ?? throw new ArgumentException("The activity has no from.id.", nameof(activity));
        user.Role ??= RoleTypes.User;
        var conversation = new DirectLineTurn(conversationId);

        var turnLock = _turnLocks[(uint)StringComparer.Ordinal.GetHashCode(conversationId) % (uint)_turnLocks.Length];
        await turnLock.WaitAsync(cancellationToken);
        try
        {
            if (await _store.AddMemberAsync(conversationId, user.Id, cancellationToken))
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
            if (await AppendTrimmedAsync(conversationId, activity, cancellationToken) is not { } id)
            {
                return null;
            }

            await RunTurnAsync(conversation, activity, bot, cancellationToken);
            return id;
        }
        finally
        {
            turnLock.Release();
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
                    responses[i] = new ResourceResponse(await _store.AppendAsync(conversation.Id, activity, cancellationToken));
                    break;
            }
        }

        return responses;
    }

    /// <inheritdoc />
    public override async Task<ResourceResponse> UpdateActivityAsync(
        ITurnContext turnContext,
        Activity activity,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!await _store.ReplaceAsync(Conversation(turnContext).Id, activity, cancellationToken))
        {
            throw new InvalidOperationException($"Activity '{activity.Id}' is not in this conversation's history.");
        }

        return new ResourceResponse(activity.Id);
    }

    /// <inheritdoc />
    public override async Task DeleteActivityAsync(
        ITurnContext turnContext,
        ConversationReference reference,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        await _store.RemoveAsync(Conversation(turnContext).Id, reference.ActivityId, cancellationToken);
    }

    // The bot refuses a message longer than Bot:MaxQuestionLength and says how long it was, so it gets the whole text;
    // the history (what Web Chat shows again) keeps only what the bot would read, so a flood of 250 KB posts stays small.
    private async Task<string?> AppendTrimmedAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var text = activity.Text;
        if (text is null || text.Length <= _maxStoredText)
        {
            return await _store.AppendAsync(conversationId, activity, cancellationToken);
        }

        // Stores serialise the activity before AppendAsync returns, so the text can be put back for the turn.
        activity.Text = string.Concat(text.AsSpan(0, _maxStoredText), "…");
        try
        {
            return await _store.AppendAsync(conversationId, activity, cancellationToken);
        }
        finally
        {
            activity.Text = text;
        }
    }

    private static DirectLineTurn Conversation(ITurnContext turnContext) =>
        turnContext.TurnState.Get<DirectLineTurn>()
        ?? throw new InvalidOperationException("This turn was not started by the Direct Line adapter.");

    private void Stamp(Activity activity, DirectLineTurn conversation, string serviceUrl)
    {
        activity.ChannelId = ChannelId;
        activity.ServiceUrl = serviceUrl;
        activity.Conversation = new ConversationAccount(id: conversation.Id);
        activity.Recipient = BotAccount;
        activity.Timestamp = _time.GetUtcNow();
    }

    private async Task RunTurnAsync(DirectLineTurn conversation, Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        using var turnContext = new TurnContext(this, activity);
        turnContext.TurnState.Set(conversation);
        await RunPipelineAsync(turnContext, bot.OnTurnAsync, cancellationToken);
    }

    // What a turn's context carries to the send and update calls: the conversation they belong to.
    private sealed record DirectLineTurn(string Id);
}
