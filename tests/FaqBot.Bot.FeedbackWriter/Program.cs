using System.Globalization;
using FaqBot.Bot;
using FaqBot.Bot.Feedback;

// Usage: FaqBot.Bot.FeedbackWriter DATABASE [WRITERS=4]
// Writes feedback rows as fast as it can from several concurrent writers, printing "ack N" only after RecordAsync for
// row N has returned, until it is killed. The kill test checks every acknowledged row survived. The store runs with the
// host's default commit interval, so the kill lands on what a deployed bot does.
if (args.Length < 1)
{
    await Console.Error.WriteLineAsync("usage: FaqBot.Bot.FeedbackWriter DATABASE [WRITERS]");
    return 2;
}

var writers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
using var store = new SqliteFeedbackStore(args[0], commitInterval: new BotOptions().FeedbackCommitInterval);
var next = -1;
await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
{
    while (true)
    {
        var n = Interlocked.Increment(ref next);
        await store.RecordAsync(
            new FeedbackEvent(DateTimeOffset.UtcNow, "killtest", $"conversation-{n % 7}", $"kill test question {n}", null, null, FeedbackKind.Declined),
            CancellationToken.None);
        Console.Out.WriteLine($"ack {n}");
    }
})));
return 0;
