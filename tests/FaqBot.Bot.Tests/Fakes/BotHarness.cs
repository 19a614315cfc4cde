using FaqBot.Classifier.Answering;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaqBot.Bot.Tests.Fakes;

/// <summary>
/// The bot wired as a host wires it (<c>AddFaqBot()</c> over a given engine), with its feedback database in a
/// temporary folder, and in-memory adapters that use the shared error handler.
/// </summary>
public sealed class BotHarness : IDisposable
{
    public const string UserId = "user-1";
    public const string BotId = "bot-1";

    private readonly ServiceProvider _services;

    public BotHarness(IAnswerEngine? engine = null)
    {
        Engine = engine ?? new FakeAnswerEngine();
        DataDirectory = Path.Combine(Path.GetTempPath(), "faqbot-bot-tests", Guid.NewGuid().ToString("n"));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:DataDirectory"] = DataDirectory })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddProvider(Logs));
        services.AddSingleton(Engine);
        services.AddFaqBot();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Bot = _services.GetRequiredService<IBot>();
        DatabasePath = _services.GetRequiredService<IOptions<BotOptions>>().Value.GetDatabasePath();
    }

    public IAnswerEngine Engine { get; }

    public FakeAnswerEngine Fake => (FakeAnswerEngine)Engine;

    public IBot Bot { get; }

    public IServiceProvider Services => _services;

    public string DataDirectory { get; }

    public string DatabasePath { get; }

    public ListLoggerProvider Logs { get; } = new();

    public TestAdapter CreateAdapter(string channelId = "emulator", string? conversationId = null, bool sendTraceActivity = false) =>
        CreateAdapter(new ConversationReference
        {
            ChannelId = channelId,
            ServiceUrl = "http://localhost:53559",
            User = new ChannelAccount(UserId, "User", RoleTypes.User),
            Bot = new ChannelAccount(BotId, "Bot", RoleTypes.Bot),
            Conversation = new ConversationAccount(id: conversationId ?? $"{Guid.NewGuid():n}|livechat"),
        }, sendTraceActivity);

    public TestAdapter CreateAdapter(ConversationReference reference, bool sendTraceActivity = false)
    {
        var adapter = new TestAdapter(reference, sendTraceActivity);
        adapter.OnTurnError = _services.GetRequiredService<FaqBotTurnErrorHandler>().HandleAsync;
        return adapter;
    }

    public TestFlow Flow(TestAdapter adapter) => new(adapter, Bot);

    public TestFlow Flow(string channelId = "emulator") => Flow(CreateAdapter(channelId));

    /// <summary>The feedback rows recorded so far, once committed (none when the database does not exist yet).</summary>
    public IReadOnlyList<FeedbackRow> FeedbackRows()
    {
        if (!File.Exists(DatabasePath))
        {
            return [];
        }

        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT time, channel, conversation, question, entry_id, confidence, kind FROM feedback ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<FeedbackRow>();
        while (reader.Read())
        {
            rows.Add(new FeedbackRow(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetDouble(5), reader.GetString(6)));
        }

        return rows;
    }

    public static Activity ConversationUpdate(params ChannelAccount[] membersAdded) => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        MembersAdded = membersAdded,
        MembersRemoved = [],
        From = new ChannelAccount(UserId, "User", RoleTypes.User),
    };

    public void Dispose()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
