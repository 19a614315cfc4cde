using FaqBot.Bot.State;
using FaqBot.Classifier.Answering;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaqBot.Bot.Tests.State;

public sealed class StateRegistrationTests
{
    [Fact]
    public void The_bot_keeps_stock_conversation_state_in_bounded_memory_by_default()
    {
        using var provider = Build(new() { ["Bot:State:IdleTimeout"] = "00:05:00", ["Bot:State:MaxEntries"] = "420" });

        Assert.IsType<MemoryCacheStorage>(provider.GetRequiredService<IStorage>());
        Assert.Equal(typeof(ConversationState), provider.GetRequiredService<ConversationState>().GetType());
        var options = provider.GetRequiredService<IOptions<StateOptions>>().Value;
        Assert.Equal(TimeSpan.FromMinutes(5), options.IdleTimeout);
        Assert.Equal(420, options.MaxEntries);
    }

    [Theory]
    [InlineData("Bot:State:IdleTimeout", "00:00:00", "IdleTimeout must be positive")]
    [InlineData("Bot:State:MaxEntries", "10", "MaxEntries must be at least 100")]
    public void Out_of_range_settings_are_refused_with_the_setting_named(string key, string value, string message)
    {
        using var provider = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StateOptions>>().Value);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton<IAnswerEngine>(new Fakes.FakeAnswerEngine());
        services.AddFaqBot();
        return services.BuildServiceProvider();
    }
}
