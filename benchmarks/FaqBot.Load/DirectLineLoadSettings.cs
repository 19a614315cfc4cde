using System.Globalization;
using System.Net;

namespace FaqBot.Load;

/// <summary>What to drive and for how long.</summary>
internal sealed record DirectLineLoadSettings(Uri BaseUrl, int Users, TimeSpan Duration, IReadOnlyList<string> Questions, int TurnsPerConversation)
{
    public const string Usage =
        "usage: FaqBot.Load --url http://127.0.0.1:PORT --questions FILE [--users 16] [--seconds 30] [--turns-per-conversation 5]";

    public static DirectLineLoadSettings? Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        if (Value("--url") is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var baseUrl)
            || !(baseUrl.IsLoopback || (IPAddress.TryParse(baseUrl.Host, out var ip) && IPAddress.IsLoopback(ip))))
        {
            Console.Error.WriteLine("--url must be an absolute loopback address (127.0.0.1 or localhost).");
            return null;
        }

        if (Value("--questions") is not { } path || !File.Exists(path))
        {
            Console.Error.WriteLine("--questions must name a file with one question per line.");
            return null;
        }

        var questions = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToList();
        return new DirectLineLoadSettings(
            baseUrl,
            int.Parse(Value("--users") ?? "16", CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(Value("--seconds") ?? "30", CultureInfo.InvariantCulture)),
            questions,
            int.Parse(Value("--turns-per-conversation") ?? "5", CultureInfo.InvariantCulture));
    }
}
