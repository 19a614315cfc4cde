using FaqBot.Hosting;
using Microsoft.Bot.Builder;

namespace FaqBot.Web.Hosting;

/// <summary>Puts <see cref="BotTurnGate"/> in front of the registered bot.</summary>
public static class BotTurnGateExtensions
{
    /// <summary>
    /// Wraps the <see cref="IBot"/> registered so far (call after <c>AddFaqBot</c>): one log line per turn, and a polite
    /// reply instead of the bot until the answer engine is ready. The bot itself is built on its first ready turn.
    /// </summary>
    public static WebApplicationBuilder AddBotTurnGate(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var inner = builder.Services.LastOrDefault(d => d.ServiceType == typeof(IBot))
            ?? throw new InvalidOperationException("Register the bot (AddFaqBot) before AddBotTurnGate.");
        builder.Services.Remove(inner);
        builder.Services.AddSingleton<IBot>(services => new BotTurnGate(
            services.GetRequiredService<AnswerEngineHost>(),
            new Lazy<IBot>(() => Create(services, inner)),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<BotTurnGate>>()));
        return builder;
    }

    private static IBot Create(IServiceProvider services, ServiceDescriptor descriptor) => (IBot)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
