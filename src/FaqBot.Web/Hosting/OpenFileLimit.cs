using System.Globalization;

namespace FaqBot.Web.Hosting;

/// <summary>The process's soft limit on open files (every socket is one), read from <c>/proc/self/limits</c> on Linux.</summary>
internal static class OpenFileLimit
{
    /// <summary>The soft limit, or null when it cannot be read (not Linux) or is unlimited.</summary>
    public static long? Read()
    {
        try
        {
            const string Path = "/proc/self/limits";
            if (!File.Exists(Path))
            {
                return null;
            }

            var line = File.ReadLines(Path).FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
            var soft = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return long.TryParse(soft, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? limit : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
