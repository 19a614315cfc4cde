using BenchmarkDotNet.Attributes;
using FaqBot.Bot;
using FaqBot.Classifier.Answering;
using FaqBot.Classifier.Hosting;
using FaqBot.Knowledge.Extraction;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.Benchmarks;

/// <summary>
/// One whole message turn through the CloudAdapter's base, as <c>/api/messages</c> runs it minus HTTP: anonymous authentication,
/// the turn context, the bot, conversation state and the expectReplies reply buffer. The echo bot is the floor the SDK
/// sets (what <c>benchmarks/load/run.sh</c> compares against); the FAQ bot is the full host wiring (answer engine,
/// expiring in-memory state, SQLite feedback for declined questions). The allocations column is the figure to watch: it is
/// repeatable where time on a shared machine is not.
/// </summary>
[MemoryDiagnoser]
public class TurnBenchmarks
{
    private const int Conversations = 500;

    private BenchmarkAdapter _adapter = null!;
    private IBot _faqBot = null!;
    private IBot _echoBot = null!;
    private ServiceProvider _services = null!;
    private string _dataDirectory = null!;
    private int _turn;

    [Params("which clays are used in masks", "how do I clean my fridge")]
    public string Question { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var root = RepositoryRoot.Path;
        _dataDirectory = Path.Combine(Path.GetTempPath(), "faqbot-bench-turns-" + Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Bot:DataDirectory"] = _dataDirectory,
                ["Bot:State:MonitorInterval"] = "00:00:00",
            })
            .Build();
        var loader = new AnswerEngineLoader(new ClassifierOptions { ModelDirectory = Path.Combine(Path.GetTempPath(), "faqbot-bench-model") }, root);
        var engine = new AnswerEngine(loader.LoadOrTrain(KnowledgeExtractor.ExtractDirectory(Path.Combine(root, "data", "articles")), out _), loader);
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IAnswerEngine>(engine)
            .AddFaqBot()
            .BuildServiceProvider();
        _faqBot = _services.GetRequiredService<IBot>();
        _echoBot = new EchoBot();
        _adapter = new BenchmarkAdapter(BotFrameworkAuthenticationFactory.Create());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    // Returns the reply count (checked by the adapter), not Bot Builder types: BenchmarkDotNet's generated project
    // cannot see the Bot Builder DLLs that BotBuilder.props references directly.
    [Benchmark(Baseline = true)]
    public Task<int> EchoTurn() => _adapter.RunAsync(NextActivity(), _echoBot);

    [Benchmark]
    public Task<int> FaqBotTurn() => _adapter.RunAsync(NextActivity(), _faqBot);

    // Many conversations, as under load: each turn loads and saves a different conversation's state.
    private Activity NextActivity()
    {
        var conversation = "conversation-" + (_turn++ % Conversations);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = "emulator",
            ServiceUrl = "http://localhost:1",
            DeliveryMode = DeliveryModes.ExpectReplies,
            From = new ChannelAccount("user-" + conversation, "User"),
            Recipient = new ChannelAccount("bot", "Bot"),
            Conversation = new ConversationAccount(id: conversation),
            Text = Question,
            Locale = "en-US",
        };
    }

    private sealed class EchoBot : ActivityHandler
    {
        protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync(MessageFactory.Text("Echo: " + turnContext.Activity.Text), cancellationToken);
    }

    private sealed class BenchmarkAdapter(BotFrameworkAuthentication authentication) : CloudAdapterBase(authentication)
    {
        // The same entry /api/messages reaches after reading the body: authenticate the (empty) header, then run the turn.
        public async Task<int> RunAsync(Activity activity, IBot bot)
        {
            var response = await ProcessActivityAsync(string.Empty, activity, bot.OnTurnAsync, CancellationToken.None);
            return response?.Body is ExpectedReplies { Activities.Count: > 0 } replies
                ? replies.Activities.Count
                : throw new InvalidOperationException($"The turn returned no replies (status {response?.Status}).");
        }
    }
}
