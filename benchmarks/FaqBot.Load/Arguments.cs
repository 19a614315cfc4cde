using System.Globalization;
using System.Net;

namespace FaqBot.Load;

/// <summary>The command line as <c>--name value</c> pairs, with the checks every mode shares.</summary>
internal sealed class Arguments(string[] args)
{
    public string? Value(string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public int Int(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public TimeSpan Seconds(string name, double fallback) =>
        TimeSpan.FromSeconds(Value(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback);

    /// <summary>The <c>--url</c>, accepted only on loopback: this is a load generator.</summary>
    public Uri? LoopbackUrl()
    {
        if (Value("--url") is { } url && Uri.TryCreate(url, UriKind.Absolute, out var baseUrl)
            && (baseUrl.IsLoopback || (IPAddress.TryParse(baseUrl.Host, out var ip) && IPAddress.IsLoopback(ip))))
        {
            return baseUrl;
        }

        Console.Error.WriteLine("--url must be an absolute loopback address (127.0.0.1 or localhost).");
        return null;
    }

    /// <summary>The non-empty lines of the <c>--questions</c> file.</summary>
    public IReadOnlyList<string>? Questions()
    {
        if (Value("--questions") is { } path && File.Exists(path))
        {
            return File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToList();
        }

        Console.Error.WriteLine("--questions must name a file with one question per line.");
        return null;
    }
}
