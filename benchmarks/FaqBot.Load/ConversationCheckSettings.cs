namespace FaqBot.Load;

/// <summary>
/// The conversation check: how many users for how long, and optionally which replica to kill -9 when
/// (<paramref name="KillPid"/> after <paramref name="KillAfter"/>; <paramref name="KillServer"/> is its name in the load
/// balancer's <c>X-Served-By</c> header), how long a user reads an answer before "Tell me more" (uniform between half
/// and one and a half <paramref name="ReadTime"/>), where to write the feedback the bot acknowledged, and how many users
/// hold their conversations over the built-in Direct Line instead (<paramref name="DirectLineUsers"/>, as Web Chat does).
/// </summary>
internal sealed record ConversationCheckSettings(
    Uri BaseUrl,
    int Users,
    TimeSpan Duration,
    IReadOnlyList<string> Questions,
    int? KillPid,
    TimeSpan KillAfter,
    string? KillServer,
    TimeSpan ReadTime,
    string? AcknowledgedPath,
    int DirectLineUsers)
{
    public const string Usage =
        "FaqBot.Load conversations --url http://127.0.0.1:PORT --questions FILE [--users 32] [--seconds 40] " +
        "[--read-seconds 0] [--kill-pid PID --kill-after SECONDS --kill-server NAME] [--acknowledged FILE] [--directline-users 0]";

    public static ConversationCheckSettings? Parse(Arguments args) =>
        args.LoopbackUrl() is { } url && args.Questions() is { } questions
            ? new ConversationCheckSettings(
                url,
                args.Int("--users", 32),
                args.Seconds("--seconds", 40),
                questions,
                args.Value("--kill-pid") is null ? null : args.Int("--kill-pid", 0),
                args.Seconds("--kill-after", 15),
                args.Value("--kill-server"),
                args.Seconds("--read-seconds", 0),
                args.Value("--acknowledged"),
                args.Int("--directline-users", 0))
            : null;
}
