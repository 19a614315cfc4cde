using FaqBot.Bot;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace FaqBot.Web.Messaging;

/// <summary>Wires <c>POST /api/messages</c>: the Bot Framework endpoint the Emulator, Teams and Azure channels call.</summary>
public static class BotMessagingExtensions
{
    /// <summary>Registers the authentication (from the root <c>MicrosoftApp*</c> keys) and the adapter (OnTurnError: <see cref="FaqBotTurnErrorHandler"/>).</summary>
    public static WebApplicationBuilder AddBotMessaging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<BotFrameworkAuthentication>(services => new ConfigurationBotFrameworkAuthentication(
            services.GetRequiredService<IConfiguration>(),
            httpClientFactory: services.GetRequiredService<IHttpClientFactory>(),
            logger: services.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()));
        builder.Services.AddSingleton(services => new FaqBotCloudAdapter(
            services.GetRequiredService<BotFrameworkAuthentication>(),
            services.GetRequiredService<FaqBotTurnErrorHandler>(),
            authenticationEnabled: !string.IsNullOrWhiteSpace(services.GetRequiredService<IConfiguration>()["MicrosoftAppId"]),
            services.GetRequiredService<ILogger<FaqBotCloudAdapter>>()));
        return builder;
    }

    /// <summary>Maps <c>POST /api/messages</c> with the size/JSON guard and the 401 mapping for unusable tokens.</summary>
    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Built now, so bad MicrosoftApp* settings stop the host at start instead of failing every request.
        try
        {
            endpoints.ServiceProvider.GetRequiredService<FaqBotCloudAdapter>();
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException(
                "The Bot Framework settings are invalid: " + ex.Message + " Check MicrosoftAppType (MultiTenant, SingleTenant or "
                + "UserAssignedMsi), MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId; leave MicrosoftAppId empty for local use.",
                ex);
        }

        // Without an app id nobody is authenticated, so replies may only go back to this machine (the Emulator):
        // otherwise any page could make the host POST to an address of its choosing.
        var localMode = string.IsNullOrWhiteSpace(endpoints.ServiceProvider.GetRequiredService<IConfiguration>()["MicrosoftAppId"]);
        endpoints.MapPost(
            "/api/messages",
            (HttpContext context, FaqBotCloudAdapter adapter, IBot bot, IHostApplicationLifetime lifetime, ILogger<FaqBotCloudAdapter> logger) =>
                HandleAsync(context, adapter, bot, lifetime, logger, localMode))
            .DisableAntiforgery();
        return endpoints;
    }

    private static async Task HandleAsync(
        HttpContext context,
        FaqBotCloudAdapter adapter,
        IBot bot,
        IHostApplicationLifetime lifetime,
        ILogger<FaqBotCloudAdapter> logger,
        bool localMode)
    {
        var request = context.Request;
        var body = await ActivityRequestGuard.ReadAsync(request, context.RequestAborted);
        if (!body.IsAccepted)
        {
            logger.LogInformation("Refused an activity with {Status}: {Reason} {Detail}", body.StatusCode, body.Error, body.Detail);
            await Results.Problem(detail: body.Error, statusCode: body.StatusCode).ExecuteAsync(context);
            return;
        }

        if (UnreadableActivity(body.Body, localMode, out var detail) is { } problem)
        {
            logger.LogInformation("Refused an activity with 400: {Reason} {Detail}", problem, detail);
            await Results.Problem(detail: problem, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            return;
        }

        if (!BearerHeader.IsAbsentOrWellFormed(request.Headers.Authorization))
        {
            logger.LogInformation("Refused an activity with a malformed Authorization header");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        // The adapter reads the body itself; hand it the bytes we already validated.
        request.Body = new MemoryStream(body.Body.ToArray(), writable: false);
        request.ContentLength = body.Body.Length;
        try
        {
            // Not the request's token: if the channel gives up waiting (Teams does after ~15 s), the replies the bot sends
            // through the connector should still arrive, and a half-finished turn would leave its state unsaved.
            await adapter.ProcessAsync(request, context.Response, bot, lifetime.ApplicationStopping);
        }
        catch (Exception ex) when (IsSigningKeyMetadataUnavailable(ex) && !context.Response.HasStarted)
        {
            // The token may be genuine, but its signing keys could not be fetched: our outage, so 503 (the channel retries).
            logger.LogError(ex, "Could not fetch the Bot Framework signing keys to validate a token; is the identity service reachable?");
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
        catch (Exception ex) when (IsAuthenticationFailure(ex) && !context.Response.HasStarted)
        {
            // CloudAdapter maps only UnauthorizedAccessException to 401; token parsing/validation errors escape as 500.
            // Anyone can send a forged token, so one short line, not the stack trace: it is the caller's fault, not ours.
            logger.LogWarning("Refused an activity whose token could not be validated ({Reason})", ShortReason(ex));
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }

    // CloudAdapter answers JSON it cannot turn into an Activity (a field of the wrong type, nesting past 64 levels) with a
    // bare 400, and passes one without a conversation id to the bot, whose turn then fails; refuse both, saying why.
    private static string? UnreadableActivity(ReadOnlyMemory<byte> body, bool localMode, out string? detail)
    {
        detail = null;
        try
        {
            var activity = FaqBot.Bot.DirectLine.DirectLineJson.Deserialize(System.Text.Encoding.UTF8.GetString(body.Span));

            // Every channel sends both; without them the bot's state has no key and the turn can only fail.
            return string.IsNullOrWhiteSpace(activity?.ChannelId) ? "The activity has no channelId."
                : string.IsNullOrWhiteSpace(activity.Conversation?.Id) ? "The activity has no conversation.id."
                : string.IsNullOrWhiteSpace(activity.ServiceUrl) ? "The activity has no serviceUrl."
                : ActivityLimits.Check(activity) is { } tooLong ? tooLong
                : localMode && !IsLoopback(activity.ServiceUrl) && !RepliesInResponse(activity)
                    ? "Without MicrosoftAppId the host only replies to a loopback serviceUrl (http://localhost:PORT, the Emulator); "
                        + "set MicrosoftAppId to serve other channels."
                : null;
        }
        catch (Newtonsoft.Json.JsonException ex)
        {
            detail = ex.Message;
            return ActivityRequestGuard.UnreadableActivity;
        }
    }

    // IdentityModel's messages run to several hundred characters; the first sentence (with its IDX code) says enough.
    private static string ShortReason(Exception ex)
    {
        var message = ex.Message;
        var end = message.IndexOfAny(['.', '\n']);
        var first = end > 0 ? message[..end] : message;
        return $"{ex.GetType().Name}: {(first.Length > 200 ? first[..200] : first)}";
    }

    // expectReplies: the replies travel back in this response and nothing is sent to the serviceUrl.
    private static bool RepliesInResponse(Microsoft.Bot.Schema.Activity activity) =>
        string.Equals(activity.DeliveryMode, Microsoft.Bot.Schema.DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);

    private static bool IsLoopback(string serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.IsLoopback;

    private static bool IsAuthenticationFailure(Exception ex) =>
        ex is UnauthorizedAccessException or SecurityTokenException or ArgumentException;

    // IDX20803 is IdentityModel's stable code for "unable to obtain configuration" (OpenID metadata / signing keys).
    private static bool IsSigningKeyMetadataUnavailable(Exception ex) =>
        ex is InvalidOperationException && ex.Message.StartsWith("IDX20803", StringComparison.Ordinal);
}
