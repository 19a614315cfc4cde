namespace FaqBot.Web.Tests.Support;

/// <summary>
/// The host exactly as <c>dotnet run</c> wires it (real FaqBot and answer engine on the repository's articles), started once
/// on a loopback port for the end-to-end tests. The model and the feedback database go to a temporary folder so the
/// tests neither race other test projects over <c>data/model</c> nor write into <c>data/</c>.
/// </summary>
public sealed class RealFaqBotHost : IAsyncLifetime
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("faqbot-web-e2e-").FullName;
    private FaqBotWebFactory? _factory;

    /// <summary>The host's base address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    internal FaqBotWebFactory Factory => _factory ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync()
    {
        _factory = new FaqBotWebFactory(new Dictionary<string, string?>
        {
            ["Classifier:ModelDirectory"] = Path.Combine(_scratch, "model"),
            ["Bot:DataDirectory"] = Path.Combine(_scratch, "data"),
            ["Knowledge:Reload:Enabled"] = "true",
        })
        {
            UseTestBot = false,
            UseManualClock = false,
        };
        BaseAddress = _factory.StartOnLoopback();
        await _factory.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Directory.Delete(_scratch, recursive: true);
    }
}
