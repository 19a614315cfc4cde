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
        : base(authentication, new RefusedTokenLogger(logger))
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
            && !httpRequest.Headers.ContainsKey("Forwarded")
            && !httpRequest.Headers.ContainsKey("X-Original-For");
    }

    // CloudAdapter logs every refused token as an Error with its stack (~5 KB). Anyone can send a forged token, so it is the
    // caller's fault, not ours: one short Warning line instead. Everything else passes through unchanged.
    private sealed class RefusedTokenLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // CloudAdapter.ProcessAsync writes the exception's ToString() as the message, with no exception attached.
            const string Refused = "System.UnauthorizedAccessException: ";
            if (logLevel == LogLevel.Error && exception is null && formatter(state, exception) is { } message
                && message.StartsWith(Refused, StringComparison.Ordinal))
            {
                var end = message.IndexOfAny(['\r', '\n'], Refused.Length);
                var reason = message[Refused.Length..(end < 0 ? message.Length : end)].Split("   at ", 2)[0].Trim();
                inner.LogWarning("Refused an activity whose token could not be validated ({Reason})", reason.Length > 200 ? reason[..200] : reason);
                return;
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }
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
