using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using FaqBot.Web.Security;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

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
        AddConnectionLimits(builder.Services);
        AddForwardedHeaders(builder.Services);
        AddRateLimits(builder.Services);

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

    // Every connection is a file descriptor and some memory: idle floods must meet these caps before the open-file limit.
    private static void AddConnectionLimits(IServiceCollection services)
    {
        services.AddOptions<ConnectionLimitsOptions>()
            .BindConfiguration(ConnectionLimitsOptions.SectionName)
            .ValidateDataAnnotations()
            .PostConfigure(limits =>
            {
                limits.OpenFileLimit ??= OpenFileLimit.Read();

                // A quarter of the descriptors stays for files, the database and the replies sent to channels.
                var budget = limits.OpenFileLimit is { } files ? (int)Math.Min(files * 3 / 4, int.MaxValue) : 8_000;
                limits.MaxConnections ??= Math.Max(1, Math.Min(4_000, (budget * 2 / 3) - ConnectionLimitsOptions.HealthHeadroom));
                limits.MaxUpgradedConnections ??= Math.Max(1, Math.Min(1_000, budget / 3));
                limits.MaxConnectionsPerClient ??= Math.Max(1, limits.MaxConnections.Value / 4);
            })
            .Validate(
                limits => limits.MaxConnectionsPerClient <= limits.MaxConnections,
                "Connections:MaxConnectionsPerClient must not exceed Connections:MaxConnections.")
            .Validate(
                limits => limits.OpenFileLimit is not { } files
                    || limits.MaxConnections + ConnectionLimitsOptions.HealthHeadroom + limits.MaxUpgradedConnections < files,
                "Connections:MaxConnections + MaxUpgradedConnections (+32 for /healthz) must stay below the open-file limit (ulimit -n); "
                + "lower them or raise the limit.")
            .ValidateOnStart();
        services.AddSingleton<ConnectionGate>();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ConnectionLimitsOptions>, ConnectionGate>((kestrel, options, gate) =>
        {
            var limits = options.Value;
            kestrel.Limits.MaxConcurrentConnections = limits.MaxConnections + ConnectionLimitsOptions.HealthHeadroom;
            kestrel.Limits.MaxConcurrentUpgradedConnections = limits.MaxUpgradedConnections;
            kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => connection => gate.OnConnectionAsync(connection, next)));
        });
    }

    // Only the proxies named in ForwardedHeaders are believed; with none, X-Forwarded-* is ignored and the peer is the client.
    private static void AddForwardedHeaders(IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersSettings>()
            .BindConfiguration(ForwardedHeadersSettings.SectionName)
            .Validate(
                settings => settings.Invalid() is null,
                "ForwardedHeaders:KnownProxies must hold IP addresses and ForwardedHeaders:KnownNetworks networks in CIDR form (e.g. 10.0.0.0/8).")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Value.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.Value.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }

    // The policies themselves sit beside their endpoints (Direct Line, Web Chat); a refusal says when to come back.
    private static void AddRateLimits(IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, _) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return new ValueTask(Results.Problem(
                    detail: $"Too many requests from this address; try again in {seconds} s.",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(rejected.HttpContext));
            };
        });

    /// <summary>
    /// Adds the middleware the endpoints need (forwarded headers of known proxies, security headers, CORS, rate limits,
    /// WebSockets for the Direct Line stream).
    /// </summary>
    public static WebApplication UseFaqBotHost(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.Enabled)
        {
            app.UseForwardedHeaders();
        }

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
        app.Use(ConnectionGate.OnRequestAsync);
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
