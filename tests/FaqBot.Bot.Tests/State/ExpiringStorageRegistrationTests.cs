using FaqBot.Bot.State;
using FaqBot.Classifier.Answering;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FaqBot.Bot.Tests.State;

public sealed class ExpiringStorageRegistrationTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Conversation_state_is_the_lean_one_on_the_expiring_storage_whether_registered_before_or_after_the_bot(bool first)
    {
        using var provider = Build(first, new() { ["Bot:State:IdleTimeout"] = "00:05:00", ["Bot:State:MaxEntries"] = "42" });

        var storage = Assert.IsType<ExpiringMemoryStorage>(provider.GetRequiredService<IStorage>());
        var options = provider.GetRequiredService<ExpiringStorageOptions>();
        Assert.Same(storage, provider.GetRequiredService<ExpiringMemoryStorage>());
        Assert.IsType<ExpiringConversationState>(provider.GetRequiredService<ConversationState>());
        Assert.Equal(TimeSpan.FromMinutes(5), options.IdleTimeout);
        Assert.Equal(42, options.MaxEntries);
    }

    [Theory]
    [InlineData("Bot:State:IdleTimeout", "00:00:00", "IdleTimeout must be positive")]
    [InlineData("Bot:State:MaxEntries", "0", "MaxEntries must be at least 1")]
    public void Out_of_range_settings_are_refused_with_the_setting_named(string key, string value, string message)
    {
        using var provider = Build(true, new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ExpiringStorageOptions>>().Value);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(bool stateFirst, Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton<IAnswerEngine>(new Fakes.FakeAnswerEngine());
        if (stateFirst)
        {
            services.AddExpiringConversationState();
        }

        services.AddFaqBot();
        if (!stateFirst)
        {
            services.AddExpiringConversationState();
        }

        Assert.Contains(services, d => d.ServiceType == typeof(IHostedService));
        return services.BuildServiceProvider();
    }
}
