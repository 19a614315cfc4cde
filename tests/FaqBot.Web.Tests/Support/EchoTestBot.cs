using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace FaqBot.Web.Tests.Support;

/// <summary>
/// A small bot standing in for FaqBot in host tests: welcomes new members, answers "You asked: …" with suggested
/// actions, strips a Teams @mention first, and throws on "boom" to exercise the turn error handler.
/// </summary>
internal sealed class EchoTestBot(TurnLog log) : ActivityHandler
{
    public const string Welcome = "Welcome to the test bot! Ask me anything.";
    public const string FirstSuggestion = "Tell me more";
    public const string SecondSuggestion = "Thanks!";

    public static string AnswerTo(string question) => "You asked: " + question;

    public override Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        log.Add(turnContext.Activity);
        return base.OnTurnAsync(turnContext, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(
        IList<ChannelAccount> membersAdded,
        ITurnContext<IConversationUpdateActivity> turnContext,
        CancellationToken cancellationToken)
    {
        foreach (var member in membersAdded)
        {
            if (member.Id != turnContext.Activity.Recipient.Id)
            {
                await turnContext.SendActivityAsync(MessageFactory.Text(Welcome), cancellationToken);
            }
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var text = (turnContext.Activity.RemoveRecipientMention() ?? string.Empty).Trim();
        if (text == "boom")
        {
            throw new InvalidOperationException("The test bot was asked to fail.");
        }

        var reply = MessageFactory.SuggestedActions(new[] { FirstSuggestion, SecondSuggestion }, AnswerTo(text), ssml: null, inputHint: null);
        await turnContext.SendActivityAsync(reply, cancellationToken);
    }
}
