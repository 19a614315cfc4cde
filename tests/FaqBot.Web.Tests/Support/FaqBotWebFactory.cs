using FaqBot.Classifier.Answering;
using FaqBot.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FaqBot.Web.Tests.Support;

/// <summary>
/// Hosts FaqBot.Web in the test: in memory by default, or on a real loopback port (<see cref="StartOnLoopback"/>).
/// The content root is the repository root, as with <c>dotnet run --project src/FaqBot.Web</c>.
/// </summary>
internal sealed class FaqBotWebFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MicrosoftAppId"] = string.Empty,
        ["MicrosoftAppPassword"] = string.Empty,
        ["MicrosoftAppType"] = string.Empty,
        ["MicrosoftAppTenantId"] = string.Empty,

        // Host tests do not edit articles; no folder watcher per test host.
        ["Knowledge:Reload:Enabled"] = "false",
    };

    private bool _onLoopback;

    public FaqBotWebFactory(IDictionary<string, string?>? settings = null)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>
    /// Registers <see cref="EchoTestBot"/> as the IBot and a <see cref="FakeAnswerEngine"/> (so no model is trained);
    /// false: the host's own bot and answer engine, trained on the repository's articles.
    /// </summary>
    public bool UseTestBot { get; init; } = true;

    /// <summary>Replace the host's clock with <see cref="Time"/> (false: real time, e.g. for screenshots).</summary>
    public bool UseManualClock { get; init; } = true;

    /// <summary>The clock the host sees when <see cref="UseManualClock"/> is set.</summary>
    public ManualTimeProvider Time { get; } = new();

    /// <summary>What reached the test bot.</summary>
    public TurnLog TurnLog { get; } = new();

    /// <summary>Extra service replacements.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Starts Kestrel on 127.0.0.1 with a free port and returns its base address.</summary>
    public Uri StartOnLoopback()
    {
        // The port goes in as the app's own URL setting, not as UseKestrel(0): with a top-level Program the app starts
        // its server on its own thread, and UseKestrel(port) rewrites the server's addresses from the test's thread, which
        // throws "cannot be modified after the server has started" when the app gets there first (a rare CI failure).
        _onLoopback = true;
        UseKestrel();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.Single().TrimEnd('/') + "/");
    }

    /// <summary>Makes the host serve <paramref name="engine"/> from the start, with nothing to load, train or reload.</summary>
    public static void Serve(IServiceCollection services, IAnswerEngine engine) =>
        services.Replace(ServiceDescriptor.Singleton(AnswerEngineHost.Serving(engine)));

    /// <summary>Makes the host's first model never finish loading, so it stays starting.</summary>
    public static void NeverReady(IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton(new AnswerEngineHost()));
        services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(AnswerEngineService)));
    }

    /// <summary>Waits until the host's answer engine serves (its first model loaded or trained in the background).</summary>
    public async Task<IAnswerEngine> WaitUntilReadyAsync()
    {
        // The timeout only turns a hang into a failure; nothing is timed.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        return await Services.GetRequiredService<AnswerEngineHost>().WhenReadyAsync(timeout.Token);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(RepositoryRoot.Path);
        if (_onLoopback)
        {
            builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        }

        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureTestServices(services =>
        {
            if (UseManualClock)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Time);
            }
            if (UseTestBot)
            {
                services.RemoveAll<IBot>();
                services.AddSingleton(TurnLog);
                services.AddSingleton<IBot, EchoTestBot>();
                Serve(services, new FakeAnswerEngine(new AnswerEngineStatus(true, 15, "test", null)));
            }

            ConfigureServices?.Invoke(services);
        });
    }
}
