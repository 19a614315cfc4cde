using FaqBot.Bot;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace FaqBot.Web.Messaging;

/// <summary>The Bot Framework adapter behind <c>/api/messages</c> (Emulator, Teams, Azure channels), with the bot's turn error handler.</summary>
public sealed class FaqBotCloudAdapter : CloudAdapter
{
    /// <summary>Creates the adapter; constructed explicitly because DI finds CloudAdapter's constructors ambiguous.</summary>
    public FaqBotCloudAdapter(
        BotFrameworkAuthentication authentication,
        FaqBotTurnErrorHandler errorHandler,
        ILogger<FaqBotCloudAdapter> logger)
        : base(authentication, logger)
    {
        ArgumentNullException.ThrowIfNull(errorHandler);
        OnTurnError = errorHandler.HandleAsync;
    }
}
