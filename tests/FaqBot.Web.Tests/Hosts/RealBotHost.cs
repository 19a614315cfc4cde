using FaqBot.Classifier.Answering;
using FaqBot.Web.Tests.Support;

namespace FaqBot.Web.Tests.Hosts;

/// <summary>
/// The real host with the real FAQ bot and answer engine, trained once for the test classes that share it. Model and
/// feedback database go to a temporary folder, so tests never write under the repository's data/.
/// </summary>
public sealed class RealBotHost : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-realhost-").FullName;

    public RealBotHost()
    {
        Factory = new FaqBotWebFactory(new Dictionary<string, string?>
        {
            ["Classifier:ModelDirectory"] = Path.Combine(_folder, "model"),
            ["Bot:DataDirectory"] = Path.Combine(_folder, "data"),
            ["Knowledge:Reload:Enabled"] = "false",

            // Every test conversation comes from one address; the per-address limit on new conversations is not under test here.
            ["DirectLine:MaxNewConversationsPerMinute"] = "100000",
        })
        {
            UseTestBot = false,
            UseManualClock = false,
        };
        Client = Factory.CreateClient();
    }

    internal FaqBotWebFactory Factory { get; }

    public HttpClient Client { get; }

    public IAnswerEngine Engine { get; private set; } = null!;

    public async Task InitializeAsync() => Engine = await Factory.WaitUntilReadyAsync();

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
