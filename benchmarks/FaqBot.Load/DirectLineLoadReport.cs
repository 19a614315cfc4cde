using System.Globalization;

namespace FaqBot.Load;

/// <summary>Turns per second, latency percentiles and errors of one run, as the line run.sh parses.</summary>
internal sealed record DirectLineLoadReport(int Turns, double Seconds, double P50, double P90, double P99, double Max, int Errors, int Conversations)
{
    public static DirectLineLoadReport From(IReadOnlyList<UserResult> users, TimeSpan elapsed)
    {
        var latencies = users.SelectMany(u => u.Latencies).Order().ToArray();
        double At(double q) => latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
        return new DirectLineLoadReport(
            latencies.Length, elapsed.TotalSeconds, At(0.50), At(0.90), At(0.99), latencies.LastOrDefault(), users.Sum(u => u.Errors), users.Sum(u => u.Conversations));
    }

    public string ToResultLine() => string.Create(CultureInfo.InvariantCulture,
        $"RESULT requests={Turns} seconds={Seconds:0.0} turns_per_s={Turns / Seconds:0.0} p50_ms={P50:0.00} p90_ms={P90:0.00} p99_ms={P99:0.00} max_ms={Max:0.00} errors={Errors} conversations={Conversations}");
}
