using System.Security.Cryptography;
using System.Threading.RateLimiting;
using FaqBot.Web.DirectLine;
using FaqBot.Web.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.WebChat;

/// <summary>Serves the Web Chat page at <c>/</c> and its token endpoint <c>POST /api/directline/token</c>.</summary>
public static class WebChatExtensions
{
    /// <summary>The rate-limit policy on the page's token endpoint: its own budget per client (<c>WebChat:MaxTokensPerMinute</c>).</summary>
    public const string TokenPolicy = "WebChatToken";

    /// <summary>Registers the page's assets and the Azure Direct Line token client.</summary>
    public static WebApplicationBuilder AddWebChat(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<WebChatOptions>()
            .BindConfiguration(WebChatOptions.SectionName)
            .PostConfigure<IConfiguration>((options, configuration) =>
                options.Enabled ??= string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddRateLimiter(limiter => limiter.AddPolicy(TokenPolicy, context =>
        {
            var perMinute = context.RequestServices.GetRequiredService<IOptions<WebChatOptions>>().Value.MaxTokensPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(
                ClientPartition.Of(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
        builder.Services.AddSingleton<WebChatAssets>();
        builder.Services.AddHttpClient<AzureDirectLineTokenClient>(client => client.Timeout = TimeSpan.FromSeconds(15));
        return builder;
    }

    /// <summary>
    /// Maps <c>/favicon.ico</c> and, unless <c>WebChat:Enabled</c> turns them off, the static page (index.html, css, js,
    /// the Web Chat bundle) and the token endpoint.
    /// </summary>
    public static WebApplication MapWebChat(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var assets = app.Services.GetRequiredService<WebChatAssets>();
        Directory.CreateDirectory(assets.WebRoot);
        var files = new PhysicalFileProvider(assets.WebRoot);

        // Browsers ask for it on every host, page or not; a 404 only fills logs.
        var favicon = Path.Combine(assets.WebRoot, "favicon.ico");
        app.MapGet("/favicon.ico", () => File.Exists(favicon)
            ? Results.File(favicon, "image/x-icon")
            : Results.NotFound());

        if (!app.Services.GetRequiredService<IOptions<WebChatOptions>>().Value.IsEnabled)
        {
            return app;
        }

        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapPost("/api/directline/token", CreateSessionAsync)
            .RequireCors(HostingExtensions.CorsPolicyName)
            .RequireRateLimiting(TokenPolicy)
            .DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> CreateSessionAsync(
        IOptions<DirectLineOptions> options,
        DirectLineTokenService tokens,
        AzureDirectLineTokenClient azure,
        ILogger<AzureDirectLineTokenClient> logger,
        CancellationToken cancellationToken)
    {
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        if (string.IsNullOrWhiteSpace(options.Value.Secret))
        {
            var conversationId = DirectLineTokenService.NewConversationId();
            return Results.Ok(new WebChatSession(
                tokens.Issue(conversationId, started: false),
                conversationId,
                tokens.ExpiresInSeconds,
                DirectLineExtensions.BasePath,
                "user-" + suffix));
        }

        try
        {
            // Azure embeds a dl_ user id in the token, so the welcome is sent as soon as the conversation starts.
            var userId = "dl_" + suffix;
            var session = await azure.GenerateAsync(userId, cancellationToken);
            return Results.Ok(new WebChatSession(session.Token, session.ConversationId, session.ExpiresIn, null, userId));
        }
        catch (HttpRequestException ex)
        {
            logger.LogError(ex, "Could not get a token from Azure Direct Line");
            return Results.Problem(detail: "Could not reach Azure Direct Line for a chat token.", statusCode: StatusCodes.Status502BadGateway);
        }
    }
}
