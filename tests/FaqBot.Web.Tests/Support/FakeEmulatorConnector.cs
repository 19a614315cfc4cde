using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.Web.Tests.Support;

/// <summary>
/// Plays the Bot Framework Emulator's connector on a real loopback port: accepts the bot's ReplyToActivity and
/// SendToConversation calls and answers <c>{"id":…}</c> as the Emulator does (its §1.5 routes).
/// </summary>
internal sealed class FakeEmulatorConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();

    private FakeEmulatorConnector(WebApplication app, Uri serviceUrl)
    {
        _app = app;
        ServiceUrl = serviceUrl;
    }

    /// <summary>The base address the bot replies to (the activity's <c>serviceUrl</c>).</summary>
    public Uri ServiceUrl { get; }

    /// <summary>Every call received, in order.</summary>
    public IReadOnlyList<ConnectorCall> Calls => [.. _calls];

    public static async Task<FakeEmulatorConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeEmulatorConnector? connector = null;
        async Task<IResult> Record(HttpContext context, string conversationId, string? replyToId)
        {
            var body = await JsonNode.ParseAsync(context.Request.Body);
            connector!._calls.Enqueue(new ConnectorCall(conversationId, replyToId, body!.AsObject(), context.Request.Headers.Authorization.ToString()));
            return Results.Ok(new { id = Guid.NewGuid().ToString() });
        }

        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", (HttpContext c, string conversationId, string replyToId) => Record(c, conversationId, replyToId));
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext c, string conversationId) => Record(c, conversationId, null));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector = new FakeEmulatorConnector(app, new Uri(address));
        return connector;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
