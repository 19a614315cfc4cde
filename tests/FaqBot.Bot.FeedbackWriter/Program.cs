using System.Globalization;
using FaqBot.Bot;
using FaqBot.Bot.Feedback;

// Usage: FaqBot.Bot.FeedbackWriter DATABASE [WRITERS=4] [--survive-power-loss]
// Writes feedback rows as fast as it can from several concurrent writers, printing "ack N" only after RecordAsync for
// row N has returned, until it is killed. The kill test checks every acknowledged row survived. The store runs with the
// host's default commit interval and acknowledgement (the journal, or the fsynced commit with --survive-power-loss), so
// the kill lands on what a deployed bot does.
if (args.Length < 1)
{
    await Console.Error.WriteLineAsync("usage: FaqBot.Bot.FeedbackWriter DATABASE [WRITERS] [--survive-power-loss]");
    return 2;
}

var writers = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var n) ? n : 4;
var survivePowerLoss = args.Contains("--survive-power-loss");
using var store = new SqliteFeedbackStore(args[0], survivePowerLoss, new BotOptions().FeedbackCommitInterval);
var next = -1;
await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
{
    while (true)
    {
        var row = Interlocked.Increment(ref next);
        await store.RecordAsync(
            new FeedbackEvent(DateTimeOffset.UtcNow, "killtest", $"conversation-{row % 7}", $"kill test question {row}", null, null, FeedbackKind.Declined),
            CancellationToken.None);
        Console.Out.WriteLine($"ack {row}");
    }
})));
return 0;
