using FaqBot.Load;

// Usage (loopback targets only: this is a load generator):
//   FaqBot.Load [directline] --url URL --questions FILE ...       Direct Line users (run.sh, soak.sh)
//   FaqBot.Load conversations --url URL --questions FILE ...      question, "Tell me more", rating; optional kill -9 (scale-out)
//   FaqBot.Load idle --url URL --questions FILE ...               open conversations and leave them idle (memory per conversation)
//   FaqBot.Load webchat --url URL ...                             the bot's Web Chat page in headless chromium, across a kill (scale-out)
var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "directline";
var options = new Arguments(args);
switch (mode)
{
    case "directline" when DirectLineLoadSettings.Parse(options) is { } settings:
        Console.WriteLine((await new DirectLineLoad(settings).RunAsync(CancellationToken.None)).ToResultLine());
        return 0;
    case "conversations" when ConversationCheckSettings.Parse(options) is { } settings:
        Console.Write(await new ConversationCheck(settings).RunAsync(CancellationToken.None));
        return 0;
    case "idle" when IdleConversations.Parse(options) is { } idle:
        Console.WriteLine(await idle.RunAsync(CancellationToken.None));
        return 0;
    case "webchat" when WebChatCheckSettings.Parse(options) is { } settings:
        var (ok, report) = await new WebChatCheck(settings).RunAsync();
        Console.Write(report);
        return ok ? 0 : 1;
    default:
        await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, "usage:", DirectLineLoadSettings.Usage, ConversationCheckSettings.Usage, IdleConversations.Usage, WebChatCheckSettings.Usage));
        return 2;
}
