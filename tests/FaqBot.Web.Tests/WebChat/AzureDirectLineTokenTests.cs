using System.Net;
using System.Text.Json.Nodes;
using FaqBot.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.Web.Tests.WebChat;

/// <summary>
/// With <c>DirectLine:Secret</c> set, the page's token comes from Azure Direct Line. A loopback server plays Azure's
/// <c>tokens/generate</c> so the exchange itself is exercised; the real service is only reachable online.
/// </summary>
public sealed class AzureDirectLineTokenTests : IAsyncLifetime
{
    private const string Secret = "test-direct-line-secret";
    private WebApplication _azure = null!;
    private Uri _azureEndpoint = null!;
    private string? _receivedAuthorization;
    private string? _receivedUserId;
    private int _azureStatus = StatusCodes.Status200OK;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _azure = builder.Build();
        _azure.MapPost("/v3/directline/tokens/generate", async (HttpContext context) =>
        {
            _receivedAuthorization = context.Request.Headers.Authorization.ToString();
            var body = await JsonNode.ParseAsync(context.Request.Body);
            _receivedUserId = body?["user"]?["id"]?.GetValue<string>();
            return _azureStatus == StatusCodes.Status200OK
                ? Results.Json(new JsonObject { ["conversationId"] = "AzureConv-us", ["token"] = "azure-token", ["expires_in"] = 3600 })
                : Results.StatusCode(_azureStatus);
        });
        await _azure.StartAsync();
        var address = _azure.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _azureEndpoint = new Uri(address.TrimEnd('/') + "/v3/directline/");
    }

    public async Task DisposeAsync() => await _azure.DisposeAsync();

    private FaqBotWebFactory Host() => new(new Dictionary<string, string?>
    {
        ["DirectLine:Secret"] = Secret,
        ["DirectLine:AzureEndpoint"] = _azureEndpoint.ToString(),
    });

    [Fact]
    public async Task The_page_gets_an_Azure_token_exchanged_server_side_and_never_the_secret()
    {
        using var host = Host();

        var response = await host.CreateClient().PostAsync("/api/directline/token", null);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var session = JsonNode.Parse(text)!;
        Assert.Equal("azure-token", session["token"]!.GetValue<string>());
        Assert.Equal("AzureConv-us", session["conversationId"]!.GetValue<string>());
        Assert.Equal(3600, session["expiresIn"]!.GetValue<int>());
        Assert.Null(session["domain"]);
        Assert.Equal("Bearer " + Secret, _receivedAuthorization);
        Assert.StartsWith("dl_", _receivedUserId, StringComparison.Ordinal);
        Assert.Equal(_receivedUserId, session["userId"]!.GetValue<string>());
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_exchange_is_a_502_that_does_not_leak_the_secret()
    {
        _azureStatus = StatusCodes.Status403Forbidden;
        using var host = Host();

        var response = await host.CreateClient().PostAsync("/api/directline/token", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.DoesNotContain(Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
