using System.Globalization;
using System.Text;
using System.Threading.RateLimiting;
using FaqBot.Bot.DirectLine;
using FaqBot.Storage.Postgres;
using FaqBot.Web.Hosting;
using FaqBot.Web.Messaging;
using FaqBot.Web.WebChat;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace FaqBot.Web.DirectLine;

/// <summary>
/// A Direct Line 3.0-compatible endpoint under <c>/v3/directline</c>, enough for Web Chat: tokens, start/reconnect,
/// post and get activities with a watermark, and the WebSocket stream. Activities go to the same <see cref="IBot"/> in process.
/// </summary>
public static class DirectLineExtensions
{
    /// <summary>The base path Web Chat's <c>domain</c> points at.</summary>
    public const string BasePath = "/v3/directline";

    /// <summary>The rate-limit policy on endpoints that open conversations without a token.</summary>
    public const string NewConversationPolicy = "DirectLineNewConversation";

    /// <summary>
    /// Registers the options (section <c>DirectLine</c>), token service, conversation store (this process's memory, or
    /// PostgreSQL with <c>Storage:Provider=Postgres</c>: call after <c>AddFaqBotStorage</c>), adapter and expiry sweep.
    /// </summary>
    public static WebApplicationBuilder AddDirectLine(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DirectLineOptions>()
            .BindConfiguration(DirectLineOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrEmpty(o.TokenSigningKey) || o.TokenSigningKey.Length >= 32, "DirectLine:TokenSigningKey must be at least 32 characters (or empty).")
            .Validate(o => o.MaxBytes >= o.MaxBytesPerConversation, "DirectLine:MaxBytes must be at least DirectLine:MaxBytesPerConversation.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<DirectLineOptions>>().Value.Limits());
        builder.Services.AddSingleton<MemoryDirectLineStore>();
        builder.Services.AddSingleton<IDirectLineStore>(sp =>
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Postgres
                ? sp.GetRequiredService<PostgresDirectLineStore>()
                : sp.GetRequiredService<MemoryDirectLineStore>());

        // Started after the storage's migrations (AddFaqBotStorage comes first), as the key may come from the database.
        builder.Services.AddSingleton<DirectLineTokenService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DirectLineTokenService>());
        builder.Services.AddSingleton<DirectLineAdapter>();
        builder.Services.AddSingleton<DirectLineStreamLimiter>();
        builder.Services.AddHostedService<DirectLineExpiryService>();

        // Tokens are free to get, so opening conversations is limited per client (IPv4 address or IPv6 /64) to keep one
        // client from churning the bounded store (which would evict everyone else's conversations).
        builder.Services.AddRateLimiter(limiter => limiter.AddPolicy(NewConversationPolicy, context =>
        {
            if (OpensConversationOfValidToken(context))
            {
                return RateLimitPartition.GetNoLimiter("token");
            }

            var perMinute = context.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.MaxNewConversationsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(
                ClientPartition.Of(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
        return builder;
    }

    // Starting the conversation a token names (the page's token, Web Chat reconnecting) spends nothing: the token was
    // counted when it was issued, so a client that spent its budget on anonymous starts cannot lock its own page out.
    private static bool OpensConversationOfValidToken(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.Request.Path.Value?.EndsWith("/conversations", StringComparison.Ordinal) == true
        && BearerToken(context.Request) is { Length: > 0 } token
        && context.RequestServices.GetRequiredService<DirectLineTokenService>().Validate(token) is not null;

    /// <summary>Maps the Direct Line routes, unless <c>WebChat:Enabled</c> is off (then they are 404).</summary>
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<WebChatOptions>>().Value.IsEnabled)
        {
            return endpoints;
        }

        var group = endpoints.MapGroup(BasePath).RequireCors(HostingExtensions.CorsPolicyName).DisableAntiforgery();
        group.MapPost("/tokens/generate", GenerateToken).RequireRateLimiting(NewConversationPolicy);
        group.MapPost("/tokens/refresh", RefreshTokenAsync);
        group.MapPost("/conversations", StartConversationAsync).RequireRateLimiting(NewConversationPolicy);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapGet("/conversations/{conversationId}/stream", DirectLineStream.AcceptAsync);
        return endpoints;
    }

    /// <summary>
    /// Reads the Bearer token and checks it opens <paramref name="conversationId"/> (any conversation when null):
    /// null when allowed, otherwise 401 (no token) or 403 (forged, expired or for another conversation).
    /// </summary>
    internal static IResult? Authorize(
        string? token,
        string? conversationId,
        DirectLineTokenService tokens,
        out DirectLineTokenClaims? claims)
    {
        claims = null;
        if (string.IsNullOrEmpty(token))
        {
            return Results.Problem(detail: "A Direct Line token is required (Authorization: Bearer <token>).", statusCode: StatusCodes.Status401Unauthorized);
        }

        claims = tokens.Validate(token);
        if (claims is null)
        {
            return Results.Problem(detail: "The token is invalid or has expired.", statusCode: StatusCodes.Status403Forbidden);
        }

        if (conversationId is not null && !string.Equals(claims.ConversationId, conversationId, StringComparison.Ordinal))
        {
            return Results.Problem(detail: "The token is not valid for this conversation.", statusCode: StatusCodes.Status403Forbidden);
        }

        return null;
    }

    internal static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
    }

    internal static string StreamUrl(HttpRequest request, string conversationId, string token, long? watermark)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        var url = $"{scheme}://{request.Host}{request.PathBase}{BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(token)}";
        return watermark is { } w ? url + "&watermark=" + w.ToString(CultureInfo.InvariantCulture) : url;
    }

    // Self-hosted: anyone who can load the page may chat, so tokens are handed out without a secret; each opens one new conversation.
    private static IResult GenerateToken(DirectLineTokenService tokens)
    {
        var conversationId = DirectLineTokenService.NewConversationId();
        return Results.Ok(new DirectLineSession(conversationId, tokens.Issue(conversationId, started: false), tokens.ExpiresInSeconds, null));
    }

    private static async Task<IResult> RefreshTokenAsync(HttpContext context, DirectLineTokenService tokens, IDirectLineStore store)
    {
        if (Authorize(BearerToken(context.Request), null, tokens, out var claims) is { } refused)
        {
            return refused;
        }

        // A token for a conversation that has started must not outlive it: once dropped (idle, evicted), a refresh is a
        // 404 as with Azure Direct Line, and the client starts afresh. A page token whose conversation is not open yet renews.
        var conversationId = claims!.ConversationId;
        var exists = await store.ExistsAsync(conversationId, context.RequestAborted);
        if (claims.Started && !exists)
        {
            return ConversationNotFound();
        }

        await store.TouchAsync(conversationId, context.RequestAborted);
        return Results.Ok(new DirectLineSession(conversationId, tokens.Issue(conversationId, started: exists), tokens.ExpiresInSeconds, null));
    }

    private static async Task<IResult> StartConversationAsync(HttpContext context, DirectLineTokenService tokens, IDirectLineStore store)
    {
        var request = context.Request;
        var bearer = BearerToken(request);
        string conversationId;
        if (string.IsNullOrEmpty(bearer))
        {
            conversationId = DirectLineTokenService.NewConversationId();
        }
        else if (Authorize(bearer, null, tokens, out var claims) is { } refused)
        {
            return refused;
        }
        else
        {
            conversationId = claims!.ConversationId;
        }

        var created = await store.CreateAsync(conversationId, context.RequestAborted);
        var token = tokens.Issue(conversationId, started: true);
        var session = new DirectLineSession(conversationId, token, tokens.ExpiresInSeconds, StreamUrl(request, conversationId, token, null));
        return created ? Results.Json(session, statusCode: StatusCodes.Status201Created) : Results.Ok(session);
    }

    private static async Task<IResult> ReconnectAsync(
        string conversationId,
        string? watermark,
        HttpContext context,
        DirectLineTokenService tokens,
        IDirectLineStore store)
    {
        var request = context.Request;
        if (Authorize(BearerToken(request), conversationId, tokens, out _) is { } refused)
        {
            return refused;
        }

        if (!await store.ExistsAsync(conversationId, context.RequestAborted))
        {
            return ConversationNotFound();
        }

        var token = tokens.Issue(conversationId, started: true);
        var mark = ParseWatermark(watermark);
        return Results.Ok(new DirectLineSession(conversationId, token, tokens.ExpiresInSeconds, StreamUrl(request, conversationId, token, mark)));
    }

    private static async Task<IResult> PostActivityAsync(
        string conversationId,
        HttpContext context,
        DirectLineTokenService tokens,
        IDirectLineStore store,
        DirectLineAdapter adapter,
        IBot bot,
        IHostApplicationLifetime lifetime,
        ILogger<DirectLineAdapter> logger)
    {
        if (Authorize(BearerToken(context.Request), conversationId, tokens, out _) is { } refused)
        {
            return refused;
        }

        if (!await store.ExistsAsync(conversationId, context.RequestAborted))
        {
            return ConversationNotFound();
        }

        var body = await ActivityRequestGuard.ReadAsync(context.Request, context.RequestAborted);
        if (!body.IsAccepted)
        {
            return Results.Problem(detail: body.Error, statusCode: body.StatusCode);
        }

        Activity? activity;
        try
        {
            activity = DirectLineJson.Deserialize(Encoding.UTF8.GetString(body.Body.Span));
        }
        catch (JsonException ex)
        {
            logger.LogInformation("Refused a Direct Line activity with 400: {Detail}", ex.Message);
            return Results.Problem(detail: ActivityRequestGuard.UnreadableActivity, statusCode: StatusCodes.Status400BadRequest);
        }

        if (activity?.From is not { Id.Length: > 0 })
        {
            return Results.Problem(detail: "The activity has no from.id (the user's id).", statusCode: StatusCodes.Status400BadRequest);
        }

        if (ActivityLimits.Check(activity) is { } tooLong)
        {
            return Results.Problem(detail: tooLong, statusCode: StatusCodes.Status400BadRequest);
        }

        var request = context.Request;
        var serviceUrl = $"{request.Scheme}://{request.Host}{request.PathBase}{BasePath}/";
        try
        {
            // The turn is not tied to the HTTP request: a closed tab must not cancel a turn halfway through saving state.
            var id = await adapter.ReceiveAsync(conversationId, activity, bot, serviceUrl, lifetime.ApplicationStopping);
            return id is null ? ConversationNotFound() : Results.Ok(new { id });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Only reached when the turn error handler itself failed; Azure Direct Line answers 502 when the bot fails.
            logger.LogError(ex, "The bot failed on a Direct Line activity in {ConversationId}", conversationId);
            return Results.Problem(detail: "The bot failed to process the activity.", statusCode: StatusCodes.Status502BadGateway);
        }
    }

    private static async Task<IResult> GetActivitiesAsync(
        string conversationId,
        string? watermark,
        HttpContext context,
        DirectLineTokenService tokens,
        IDirectLineStore store)
    {
        if (Authorize(BearerToken(context.Request), conversationId, tokens, out _) is { } refused)
        {
            return refused;
        }

        var mark = ParseWatermark(watermark);
        if (mark is null && !string.IsNullOrEmpty(watermark))
        {
            return Results.Problem(detail: "The watermark is not one this server issued.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (await store.GetSinceAsync(conversationId, mark ?? 0, context.RequestAborted) is not { } set)
        {
            return ConversationNotFound();
        }

        await store.TouchAsync(conversationId, context.RequestAborted);
        return Results.Text(set.ToJson(), "application/json", Encoding.UTF8);
    }

    private static long? ParseWatermark(string? watermark) =>
        long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var mark) ? mark : null;

    private static IResult ConversationNotFound() =>
        Results.Problem(detail: "The conversation does not exist or has expired.", statusCode: StatusCodes.Status404NotFound);
}
