using FaqBot.Web.Hosting;
using FaqBot.Web.Tests.DirectLine;
using FaqBot.Web.Tests.Hosts;
using FaqBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.Web.Tests.Hosting;

/// <summary>What users get while the first model is still loading or training: a polite reply, never an error.</summary>
public sealed class BotTurnGateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-gate-").FullName;

    [Fact]
    public async Task While_the_first_model_loads_a_question_gets_a_polite_starting_reply_and_one_log_line_for_the_turn()
    {
        // Given the real bot, whose first model never finishes loading
        var logs = new CapturingLoggerProvider();
        using var factory = new FaqBotWebFactory(new Dictionary<string, string?>
        {
            ["Classifier:ModelDirectory"] = Path.Combine(_folder, "model"),
            ["Bot:DataDirectory"] = Path.Combine(_folder, "data"),
        })
        {
            UseTestBot = false,
            UseManualClock = false,
            ConfigureServices = services =>
            {
                FaqBotWebFactory.NeverReady(services);
                services.AddSingleton<ILoggerProvider>(logs);
            },
        };
        var chat = new DirectLineClient(factory.CreateClient());
        await chat.StartAsync();

        // When a user asks a question through Web Chat's Direct Line
        await chat.SendAsync("How often should I deep clean my pores?");

        // Then the bot says it is starting, and the turn is one Information line
        var (activities, _) = await chat.ReadAsync();
        var reply = activities.Last(a => a!["from"]?["id"]?.GetValue<string>() != chat.UserId)!;
        Assert.Equal(BotTurnGate.StartingReply, reply["text"]!.GetValue<string>());
        var turn = Assert.Single(logs.Entries, e => e.StartsWith("FaqBot.Web.Hosting.BotTurnGate Information", StringComparison.Ordinal)
            && e.Contains(" message in conversation ", StringComparison.Ordinal));
        Assert.Contains("declined: still starting, 1 replies", turn, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
