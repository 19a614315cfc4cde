using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace FaqBot.EchoHost;

/// <summary>The least a bot can do per turn: one reply, no state, no answer engine.</summary>
internal sealed class EchoBot : ActivityHandler
{
    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text("Echo: " + turnContext.Activity.Text), cancellationToken);
}
