using System.Diagnostics;
using System.Globalization;

namespace FaqBot.Load;

/// <summary>
/// Opens <c>--conversations</c> new conversations on <c>/api/messages</c>, one question each (half common, half unique),
/// <c>--users</c> at a time, and leaves them idle: the caller measures what the host holds for them.
/// </summary>
internal sealed class IdleConversations(Uri baseUrl, IReadOnlyList<string> questions, int conversations, int users, string prefix)
{
    public const string Usage =
        "FaqBot.Load idle --url http://127.0.0.1:PORT --questions FILE [--conversations 10000] [--users 32] [--prefix idle]";

    private int _next;
    private int _errors;

    public static IdleConversations? Parse(Arguments args) =>
        args.LoopbackUrl() is { } url && args.Questions() is { } questions
            ? new IdleConversations(url, questions, args.Int("--conversations", 10_000), args.Int("--users", 32), args.Value("--prefix") ?? "idle")
            : null;

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = users };
        using var http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        var client = new ExpectRepliesClient(http);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, users).Select(user => OpenAsync(client, new QuestionMix(questions, user), cancellationToken)));
        return string.Create(CultureInfo.InvariantCulture,
            $"RESULT conversations={conversations} errors={_errors} seconds={watch.Elapsed.TotalSeconds:0.0}");
    }

    private async Task OpenAsync(ExpectRepliesClient client, QuestionMix mix, CancellationToken cancellationToken)
    {
        for (var n = Interlocked.Increment(ref _next); n <= conversations; n = Interlocked.Increment(ref _next))
        {
            var reply = await client.SendAsync($"{prefix}-{n}", mix.Next(), cancellationToken);
            if (!reply.Ok)
            {
                Interlocked.Increment(ref _errors);
            }
        }
    }
}
