using FaqBot.Bot.State;
using FaqBot.Bot.Tests.Fakes;
using FaqBot.Classifier.Answering;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Bot.Tests.State;

/// <summary>The FAQ bot's own state (the dialog's last answer) kept across turns in the expiring storage.</summary>
public sealed class ExpiringStorageWithBotTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("faqbot-state-bot-").FullName;

    [Fact]
    public async Task Tell_me_more_finds_the_last_answer_kept_in_the_expiring_storage_across_turns()
    {
        var exfoliation = SeedKnowledge.Id("exfoliation-for-deep-pore-purification");
        var engine = new FakeAnswerEngine().Answers("can I exfoliate every day?", exfoliation, 0.8f);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:DataDirectory"] = _data }).Build());
        services.AddLogging();
        services.AddSingleton<IAnswerEngine>(engine);
        services.AddFaqBot();
        services.AddExpiringConversationState();
        await using var provider = services.BuildServiceProvider();
        var bot = provider.GetRequiredService<IBot>();
        Assert.IsType<ExpiringMemoryStorage>(provider.GetRequiredService<IStorage>());
        var adapter = new TestAdapter(TestAdapter.CreateConversation("state-with-bot"));

        // A first turn stores state, so the question's turn reads it back from storage (the case that needs typed reads).
        await new TestFlow(adapter, bot)
            .Send("hello")
            .AssertReply(_ => { })
            .Send("can I exfoliate every day?")
            .AssertReply(a => Assert.Contains("Exfoliation is a critical step", ((Activity)a).Text, StringComparison.Ordinal))
            .Send("Tell me more")
            .AssertReply(a => Assert.StartsWith("**Exfoliation for Deep Pore Purification**", ((Activity)a).Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}
