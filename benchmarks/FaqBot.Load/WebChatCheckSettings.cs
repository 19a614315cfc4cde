namespace FaqBot.Load;

/// <summary>
/// The browser check: the page to open (<paramref name="BaseUrl"/>, the load balancer), the replica whose WebSocket
/// stream the chat should hold (<paramref name="StreamOn"/>, its <c>X-Served-By</c> name; the page is reopened until it
/// does, a few times at most), the file to create once the first answer is on the page (<paramref name="ReadyFile"/>, so
/// the caller can start the kill run), the process whose death the chat waits for (<paramref name="AfterPid"/>) and the
/// questions asked before and after it.
/// </summary>
internal sealed record WebChatCheckSettings(
    Uri BaseUrl,
    string? StreamOn,
    string? ReadyFile,
    int? AfterPid,
    TimeSpan WaitForDeath,
    string FirstQuestion,
    string SecondQuestion,
    string? Screenshot)
{
    public const string Usage =
        "FaqBot.Load webchat --url http://127.0.0.1:PORT [--stream-on r2] [--ready-file FILE] [--after-pid PID] [--wait-seconds 300] " +
        "[--first QUESTION] [--second QUESTION] [--screenshot FILE.png]";

    public static WebChatCheckSettings? Parse(Arguments args) =>
        args.LoopbackUrl() is { } url
            ? new WebChatCheckSettings(
                url,
                args.Value("--stream-on"),
                args.Value("--ready-file"),
                args.Value("--after-pid") is null ? null : args.Int("--after-pid", 0),
                args.Seconds("--wait-seconds", 300),
                args.Value("--first") ?? "How often should I deep clean my pores?",
                args.Value("--second") ?? "When should I see a dermatologist about my pores?",
                args.Value("--screenshot"))
            : null;
}
