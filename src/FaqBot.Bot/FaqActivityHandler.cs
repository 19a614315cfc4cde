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
    protected override Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        _dialog.OnMembersAddedAsync(membersAdded, turnContext, cancellationToken);
}
