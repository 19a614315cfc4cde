using FaqBot.Bot;
using FaqBot.Cli.Commands;
using FaqBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace FaqBot.Cli;

/// <summary>
/// What every command reads its settings and services from: the same wiring as the web host (<c>appsettings.json</c>
/// in the content root, environment variables, the answer engine and the bot), never started, logging only warnings
/// and errors, to stderr, so standard output stays the command's own.
/// </summary>
internal static class CliHost
{
    /// <summary>Builds it; <paramref name="configure"/> adds settings (a command's options) before the services are built.</summary>
    public static IHost Build(Action<IConfigurationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // Same rule as the web host: the current folder when it holds appsettings.json, else the install's or repository's.
            ContentRootPath = ContentRootLocator.Locate([]),
            Args = [],
            Configuration = new ConfigurationManager { ["hostBuilder:reloadConfigOnChange"] = "false" },
        });
        configure?.Invoke(builder.Configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(category: null, LogLevel.Warning);
        builder.AddAnswerEngine();
        builder.Services.AddFaqBot();
        return builder.Build();
    }

    /// <summary>The resolved folders (articles, model, classifier data).</summary>
    public static FaqBotPaths Paths(this IHost host) => Valid(() => host.Services.GetRequiredService<FaqBotPaths>());

    /// <summary>The bound <c>Bot</c> section.</summary>
    public static BotOptions BotOptions(this IHost host) => Valid(() => host.Services.GetRequiredService<IOptions<BotOptions>>().Value);

    /// <summary>Resolves a service, turning settings that fail validation into a message for the user.</summary>
    public static T Valid<T>(Func<T> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        try
        {
            return resolve();
        }
        catch (OptionsValidationException ex)
        {
            throw new CommandException("invalid settings in appsettings.json or the environment: " + ex.Message);
        }
    }
}
