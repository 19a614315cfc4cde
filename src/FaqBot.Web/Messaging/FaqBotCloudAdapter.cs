using System.Net;
using FaqBot.Bot;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace FaqBot.Web.Messaging;

/// <summary>The Bot Framework adapter behind <c>/api/messages</c> (Emulator, Teams, Azure channels), with the bot's turn error handler.</summary>
public sealed class FaqBotCloudAdapter : CloudAdapter
{
    private readonly bool _authenticationEnabled;

    /// <summary>Creates the adapter; constructed explicitly because DI finds CloudAdapter's constructors ambiguous.</summary>
    /// <param name="authentication">Validates the channel's tokens.</param>
    /// <param name="errorHandler">What a failed turn does.</param>
    /// <param name="authenticationEnabled">True when an app id is set (tokens required): error traces are then never sent.</param>
    /// <param name="logger">The adapter's log.</param>
    public FaqBotCloudAdapter(
        BotFrameworkAuthentication authentication,
        FaqBotTurnErrorHandler errorHandler,
        bool authenticationEnabled,
        ILogger<FaqBotCloudAdapter> logger)
        : base(authentication, logger)
    {
        ArgumentNullException.ThrowIfNull(errorHandler);
        _authenticationEnabled = authenticationEnabled;
        OnTurnError = errorHandler.HandleAsync;
    }

    /// <summary>
    /// Runs the request's activity through <paramref name="bot"/>, as <see cref="CloudAdapter.ProcessAsync"/> does; a turn
    /// that fails sends its exception as an Emulator trace only when <see cref="IsLocalEmulator"/> holds for the request.
    /// </summary>
    public new Task ProcessAsync(HttpRequest httpRequest, HttpResponse httpResponse, IBot bot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(httpRequest);
        return base.ProcessAsync(httpRequest, httpResponse, IsLocalEmulator(httpRequest) ? new ErrorTraceBot(bot) : bot, cancellationToken);
    }

    /// <summary>
    /// True when the request can only come from a developer's Emulator on this machine: authentication off, a loopback
    /// peer and no proxy in between (a proxy on the same machine would make every client look local).
    /// </summary>
    public bool IsLocalEmulator(HttpRequest httpRequest)
    {
        ArgumentNullException.ThrowIfNull(httpRequest);
        return !_authenticationEnabled
            && httpRequest.HttpContext.Connection.RemoteIpAddress is { } peer
            && IPAddress.IsLoopback(peer)
            && !httpRequest.Headers.ContainsKey("X-Forwarded-For")
            && !httpRequest.Headers.ContainsKey("Forwarded");
    }

    private sealed class ErrorTraceBot(IBot bot) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            FaqBotTurnErrorHandler.AllowErrorTrace(turnContext);
            return bot.OnTurnAsync(turnContext, cancellationToken);
        }
    }
}
