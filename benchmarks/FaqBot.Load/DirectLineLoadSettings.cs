namespace FaqBot.Load;

/// <summary>What to drive and for how long.</summary>
internal sealed record DirectLineLoadSettings(Uri BaseUrl, int Users, TimeSpan Duration, IReadOnlyList<string> Questions, int TurnsPerConversation)
{
    public const string Usage =
        "FaqBot.Load [directline] --url http://127.0.0.1:PORT --questions FILE [--users 16] [--seconds 30] [--turns-per-conversation 5]";

    public static DirectLineLoadSettings? Parse(Arguments args) =>
        args.LoopbackUrl() is { } url && args.Questions() is { } questions
            ? new DirectLineLoadSettings(url, args.Int("--users", 16), args.Seconds("--seconds", 30), questions, args.Int("--turns-per-conversation", 5))
            : null;
}
