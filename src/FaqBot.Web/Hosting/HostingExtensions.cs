using FaqBot.Web.Security;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace FaqBot.Web.Hosting;

/// <summary>Host-wide wiring: the default address, time, CORS and WebSockets.</summary>
public static class HostingExtensions
{
    /// <summary>The Bot Framework's conventional local address, used when no URL is configured.</summary>
    public const string DefaultUrl = "http://localhost:3978";

    /// <summary>The CORS policy applied to the Direct Line and token endpoints.</summary>
    public const string CorsPolicyName = "FaqBotChannels";

    /// <summary>Registers host services: default URL, <see cref="TimeProvider"/>, CORS from <c>Cors:AllowedOrigins</c>, startup banner.</summary>
    public static WebApplicationBuilder AddFaqBotHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!HasConfiguredUrls(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Kestrel's "Server: Kestrel" header only tells a scanner what to try.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SecurityHeaders>();
        builder.Services.AddHttpClient();

        // Read when first used, so configuration added by tests or later providers is seen.
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
            options.AddPolicy(CorsPolicyName, policy => policy
                .WithOrigins(origins)
                .WithMethods("GET", "POST")
                .WithHeaders("Authorization", "Content-Type", "x-ms-bot-agent"));
        });

        builder.Services.AddHostedService<StartupBanner>();
        return builder;
    }

    /// <summary>Adds the middleware the endpoints need (security headers, CORS, rate limits, WebSockets for the Direct Line stream).</summary>
    public static WebApplication UseFaqBotHost(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var securityHeaders = app.Services.GetRequiredService<SecurityHeaders>();
        app.Use((context, next) =>
        {
            var response = context.Response;
            response.OnStarting(() =>
            {
                securityHeaders.Apply(response);
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseCors();
        app.UseRateLimiter();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        return app;
    }

    // --urls, ASPNETCORE_URLS/DOTNET_URLS, *_HTTP_PORTS and Kestrel:Endpoints all win over our default.
    private static bool HasConfiguredUrls(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["urls"])
        || !string.IsNullOrWhiteSpace(configuration["http_ports"])
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").Exists();
}
