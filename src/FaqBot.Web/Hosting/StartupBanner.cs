using FaqBot.Web.WebChat;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FaqBot.Web.Hosting;

/// <summary>Logs where to point the Bot Framework Emulator and a browser once the server is listening.</summary>
internal sealed class StartupBanner(
    IServer server,
    IHostApplicationLifetime lifetime,
    WebChatAssets assets,
    Microsoft.Extensions.Options.IOptions<WebChatOptions> webChat,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(LogAddresses);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void LogAddresses()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            var baseUrl = address.TrimEnd('/');
            if (!webChat.Value.IsEnabled)
            {
                logger.LogInformation(
                    "FaqBot is listening. Bot Framework endpoint: {Endpoint}   (Web Chat page and built-in Direct Line off: WebChat:Enabled)",
                    baseUrl + "/api/messages");
                continue;
            }

            logger.LogInformation(
                "FaqBot is listening. Bot Framework Emulator: {Emulator}   Web Chat in a browser: {Browser}",
                baseUrl + "/api/messages",
                baseUrl + "/");
        }

        if (webChat.Value.IsEnabled && !assets.BundleExists)
        {
            logger.LogWarning(
                "The Web Chat bundle is missing at {Path}: the page at / cannot load. Build with npm on the PATH, or run "
                + "`npm pack botframework-webchat@{Version}` and copy package/dist/webchat.js there.",
                assets.BundlePath,
                WebChatAssets.WebChatVersion);
        }
    }
}
