using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using FaqBot.Web.Hosting;
using FaqBot.Web.Tests.DirectLine;
using FaqBot.Web.Tests.Support;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.Web.Tests.Security;

/// <summary>
/// Issue 17 item 1: idle TCP and WebSocket floods meet connection caps set below the open-file limit instead of ending
/// the process; past the cap requests get 503 while /healthz still answers, and one conversation holds a few streams.
/// </summary>
public sealed class ConnectionLimitTests
{
    [Theory]
    [InlineData(4_096)]
    [InlineData(1_024)]
    [InlineData(1_048_576)]
    public void Kestrel_caps_connections_and_WebSockets_below_the_open_file_limit(long openFiles)
    {
        using var factory = new FaqBotWebFactory(new Dictionary<string, string?> { ["Connections:OpenFileLimit"] = openFiles.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var limits = factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;

        Assert.NotNull(limits.MaxConcurrentConnections);
        Assert.NotNull(limits.MaxConcurrentUpgradedConnections);
        Assert.True(limits.MaxConcurrentConnections + limits.MaxConcurrentUpgradedConnections <= openFiles * 3 / 4, $"{limits.MaxConcurrentConnections} + {limits.MaxConcurrentUpgradedConnections}");
        Assert.InRange(limits.MaxConcurrentConnections!.Value, 100, 4_100);
    }

    [Fact]
    public void Limits_that_do_not_fit_under_the_open_file_limit_stop_the_host_at_start()
    {
        using var factory = new FaqBotWebFactory(new Dictionary<string, string?>
        {
            ["Connections:OpenFileLimit"] = "1024",
            ["Connections:MaxConnections"] = "5000",
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("open-file limit", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_per_client_cap_above_the_connection_cap_stops_the_host_at_start()
    {
        using var factory = new FaqBotWebFactory(new Dictionary<string, string?>
        {
            ["Connections:MaxConnections"] = "100",
            ["Connections:MaxConnectionsPerClient"] = "101",
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("MaxConnectionsPerClient", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_the_connection_cap_requests_get_503_while_healthz_answers_and_service_resumes_when_they_close()
    {
        using var factory = new FaqBotWebFactory(new Dictionary<string, string?> { ["Connections:MaxConnections"] = "3" });
        var baseAddress = factory.StartOnLoopback();
        var gate = factory.Services.GetRequiredService<ConnectionGate>();
        var idle = new List<TcpClient>();
        for (var i = 0; i < 3; i++)
        {
            idle.Add(await ConnectFromAsync(LoopbackAddress(2 + i), baseAddress));
        }

        await UntilAsync(() => gate.Open >= 3);
        using var page = await SendFromAsync(IPAddress.Loopback, baseAddress, HttpMethod.Get, "");
        using var health = await SendFromAsync(IPAddress.Loopback, baseAddress, HttpMethod.Get, "healthz");
        idle.ForEach(socket => socket.Dispose());
        await UntilAsync(() => gate.Open == 0);
        using var after = await SendFromAsync(IPAddress.Loopback, baseAddress, HttpMethod.Get, "");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page?.StatusCode);
        Assert.True(page!.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, health?.StatusCode);
        Assert.True(page.Headers.ConnectionClose, "a 503 past the cap closes its connection");
        Assert.True(health!.Headers.ConnectionClose, "/healthz past the cap closes its connection");
        Assert.Equal(HttpStatusCode.OK, after?.StatusCode);
        Assert.NotEqual(true, after!.Headers.ConnectionClose);
    }

    [Fact]
    public async Task A_connection_opened_past_the_cap_that_sends_no_request_is_closed_after_the_timeout_so_healthz_answers_again()
    {
        // Given a host serving 2 connections, held by two clients, and Kestrel's 32 spare ones held idle by 32 others
        var time = new FakeTimeProvider();
        using var factory = new FaqBotWebFactory(new Dictionary<string, string?> { ["Connections:MaxConnections"] = "2" })
        {
            ConfigureServices = services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)),
        };
        var baseAddress = factory.StartOnLoopback();
        var gate = factory.Services.GetRequiredService<ConnectionGate>();
        var idle = new List<TcpClient>();
        for (var i = 0; i < 2 + ConnectionLimitsOptions.HealthHeadroom; i++)
        {
            idle.Add(await ConnectFromAsync(LoopbackAddress(10 + i), baseAddress));
        }

        await UntilAsync(() => gate.Open == idle.Count);
        using var whileHeld = await SendFromAsync(LoopbackAddress(2), baseAddress, HttpMethod.Get, "healthz");

        // When the over-limit connections' timeout passes without a request
        time.Advance(ConnectionLimitsOptions.OverLimitRequestTimeout);
        await UntilAsync(() => gate.Open == 2);
        using var health = await SendFromAsync(LoopbackAddress(2), baseAddress, HttpMethod.Get, "healthz");
        var held = idle.Count - idle.Count(ClosedByServer);
        idle.ForEach(socket => socket.Dispose());

        // Then they are closed, the two within the cap stay, and the probe is answered again
        Assert.Null(whileHeld);
        Assert.Equal(2, held);
        Assert.Equal(HttpStatusCode.OK, health?.StatusCode);
    }

    [Fact]
    public async Task One_address_holding_more_idle_connections_than_the_host_accepts_still_leaves_healthz_answering_others()
    {
        // Given a host serving 8 connections (Kestrel closes new ones past 8 + 32) and one address opening 50 idle ones
        using var factory = new FaqBotWebFactory(new Dictionary<string, string?> { ["Connections:MaxConnections"] = "8" });
        var baseAddress = factory.StartOnLoopback();
        var gate = factory.Services.GetRequiredService<ConnectionGate>();
        var flood = new List<TcpClient>();
        for (var i = 0; i < 8 + ConnectionLimitsOptions.HealthHeadroom + 10; i++)
        {
            flood.Add(await ConnectFromAsync(IPAddress.Loopback, baseAddress));
        }

        // Every flood connection is either held by the host or already closed by it.
        await UntilAsync(() => gate.Open + flood.Count(ClosedByServer) == flood.Count);

        // When a health probe comes from another address, and the flooding address sends a message
        using var health = await SendFromAsync(LoopbackAddress(2), baseAddress, HttpMethod.Get, "healthz");
        using var message = await SendFromAsync(IPAddress.Loopback, baseAddress, HttpMethod.Post, "api/messages");
        var held = flood.Count - flood.Count(ClosedByServer);
        flood.ForEach(socket => socket.Dispose());

        // Then the probe gets 200, the flooder a 503 or a closed connection (not a hang), and it holds a quarter of 8
        Assert.Equal(HttpStatusCode.OK, health?.StatusCode);
        Assert.True(message is null or { StatusCode: HttpStatusCode.ServiceUnavailable }, $"got {message?.StatusCode}");
        Assert.Equal(2, held);
    }

    [Fact]
    public async Task A_known_proxy_may_hold_more_connections_than_one_client()
    {
        using var factory = new FaqBotWebFactory(new Dictionary<string, string?>
        {
            ["Connections:MaxConnections"] = "8",
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        });
        var baseAddress = factory.StartOnLoopback();
        var gate = factory.Services.GetRequiredService<ConnectionGate>();
        var proxied = new List<TcpClient>();
        for (var i = 0; i < 5; i++)
        {
            proxied.Add(await ConnectFromAsync(IPAddress.Loopback, baseAddress));
        }

        await UntilAsync(() => gate.Open + proxied.Count(ClosedByServer) == proxied.Count);
        var open = gate.Open;
        proxied.ForEach(socket => socket.Dispose());

        Assert.Equal(5, open);
    }

    [Fact]
    public async Task One_conversation_holds_a_few_streams_and_the_next_gets_429()
    {
        using var factory = new FaqBotWebFactory(new Dictionary<string, string?> { ["Connections:MaxStreamsPerConversation"] = "2" });
        using var http = new HttpClient { BaseAddress = factory.StartOnLoopback() };
        var client = new DirectLineClient(http);
        await client.StartAsync();

        using var first = await OpenStreamAsync(client.StreamUrl!);
        using var second = await OpenStreamAsync(client.StreamUrl!);
        using var third = await OpenStreamAsync(client.StreamUrl!);

        Assert.Equal(WebSocketState.Open, first.State);
        Assert.Equal(WebSocketState.Open, second.State);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.HttpStatusCode);
        Assert.NotEqual(WebSocketState.Open, third.State);
    }

    [Fact]
    public async Task Past_the_WebSocket_cap_a_stream_gets_503_and_healthz_answers()
    {
        using var factory = new FaqBotWebFactory(new Dictionary<string, string?> { ["Connections:MaxUpgradedConnections"] = "1" });
        var baseAddress = factory.StartOnLoopback();
        using var http = new HttpClient { BaseAddress = baseAddress };
        var one = new DirectLineClient(http);
        var two = new DirectLineClient(http);
        await one.StartAsync();
        await two.StartAsync();

        using var open = await OpenStreamAsync(one.StreamUrl!);
        using var refused = await OpenStreamAsync(two.StreamUrl!);
        var health = await FreshGetAsync(baseAddress, "/healthz");

        Assert.Equal(WebSocketState.Open, open.State);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.HttpStatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static async Task<ClientWebSocket> OpenStreamAsync(string url)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await socket.ConnectAsync(new Uri(url), timeout.Token);
        }
        catch (WebSocketException)
        {
            // Refused: the status is in HttpStatusCode.
        }

        return socket;
    }

    // Linux routes all of 127.0.0.0/8 to the loopback interface, so a test can be several clients.
    private static IPAddress LoopbackAddress(int last) => new([127, 0, 0, (byte)last]);

    private static async Task<TcpClient> ConnectFromAsync(IPAddress from, Uri baseAddress)
    {
        var socket = new TcpClient(new IPEndPoint(from, 0));
        await socket.ConnectAsync(IPAddress.Loopback, baseAddress.Port);
        return socket;
    }

    // Readable with nothing to read: the host closed (or reset) the connection.
    private static bool ClosedByServer(TcpClient socket) => socket.Client.Poll(0, SelectMode.SelectRead) && socket.Client.Available == 0;

    // The response from a connection opened from that address, or null when the host closed the connection; a hang past
    // a few seconds fails the test.
    private static async Task<HttpResponseMessage?> SendFromAsync(IPAddress from, Uri baseAddress, HttpMethod method, string path)
    {
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellation) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(from, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellation);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var request = new HttpRequestMessage(method, path) { Content = method == HttpMethod.Post ? JsonContent.Create(Json.EmulatorMessage()) : null };
        try
        {
            return await client.SendAsync(request);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    // A new connection per request: a refused connection stays refused, so reusing it would prove nothing.
    private static async Task<HttpResponseMessage> FreshGetAsync(Uri baseAddress, string path)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        request.Headers.ConnectionClose = true;
        return await client.SendAsync(request);
    }

    // Connections are counted on Kestrel's threads; the timeout only turns a hang into a failure.
    private static async Task UntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
