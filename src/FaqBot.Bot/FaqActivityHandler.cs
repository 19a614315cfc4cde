using System.Net;
using FaqBot.Bot.Dialog;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace FaqBot.Bot;

/// <summary>
/// The bot: a thin <see cref="ActivityHandler"/> that hands messages and member joins to <see cref="FaqDialog"/> and
/// saves conversation state once, at the end of the turn.
/// </summary>
public sealed class FaqActivityHandler : ActivityHandler
{
    private readonly FaqDialog _dialog;
    private readonly ConversationState _conversationState;

    /// <summary>Creates the handler.</summary>
    public FaqActivityHandler(FaqDialog dialog, ConversationState conversationState)
    {
        _dialog = dialog;
        _conversationState = conversationState;
    }

    /// <inheritdoc />
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);

        // ActivityHandler reads every member's id: a null in the list would fail the turn and cost the conversation its state.
        var activity = turnContext.Activity;
        if (activity.MembersAdded?.Contains(null!) == true)
        {
            activity.MembersAdded = [.. activity.MembersAdded.Where(m => m is not null)];
        }

        if (activity.MembersRemoved?.Contains(null!) == true)
        {
            activity.MembersRemoved = [.. activity.MembersRemoved.Where(m => m is not null)];
        }

        await base.OnTurnAsync(turnContext, cancellationToken);
        await _conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
    }

    /// <inheritdoc />
    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        _dialog.OnMessageAsync(turnContext, cancellationToken);

    /// <inheritdoc />
    protected override Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        // "add-upgrade" (a new version of the app) arrives here too; only a first install is welcomed.
        turnContext.Activity.Action == "add" ? _dialog.OnInstalledAsync(turnContext, cancellationToken) : Task.CompletedTask;

    /// <inheritdoc />
    protected override Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        _dialog.OnCardActionAsync(turnContext, invokeValue, cancellationToken);

    /// <inheritdoc />
    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        var response = await base.OnInvokeActivityAsync(turnContext, cancellationToken);

        // Teams sends invokes this bot has no feature for; a 501 shows the user an error, so they are acknowledged.
        return response?.Status == (int)HttpStatusCode.NotImplemented ? new InvokeResponse { Status = (int)HttpStatusCode.OK } : response!;
    }

    /// <inheritdoc />
    protected override Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        // Not the base handler: it skips an update that adds only the bot, which is how Teams reports a personal install
        // or the bot being added to a team. Members leaving need nothing.
        turnContext.Activity.MembersAdded is { Count: > 0 } added
            ? _dialog.OnMembersAddedAsync(added, turnContext, cancellationToken)
            : Task.CompletedTask;
}
