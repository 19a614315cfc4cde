using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FaqBot.Web.Tests.Fuzzing;

namespace FaqBot.Fuzz;

/// <summary>
/// The long channel fuzz against a running host (loopback only): the same hostile bodies as the in-suite test, half to
/// <c>/api/messages</c> and half to Direct Line conversations (a new one every 200 bodies). Counts by status and generator.
/// </summary>
internal static class HttpFuzzRun
{
    public static async Task<int> RunAsync(long iterations, string baseUrl)
    {
        var uri = new Uri(baseUrl);
        if (!(uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip))))
        {
            await Console.Error.WriteLineAsync("the http fuzz only targets loopback addresses (127.0.0.1, localhost).");
            return 2;
        }

        using var http = new HttpClient { BaseAddress = uri, Timeout = TimeSpan.FromSeconds(60) };
        var messages = new FuzzOutcomes();
        var directLine = new FuzzOutcomes();
        var watch = Stopwatch.StartNew();
        string? conversation = null;
        string? token = null;
        for (var seed = 0; seed < iterations; seed++)
        {
            if (seed % 2 == 0)
            {
                await messages.SendAsync(http, "/api/messages", seed);
                continue;
            }

            if (conversation is null || seed % 400 == 1)
            {
                using var started = await http.PostAsJsonAsync("/v3/directline/conversations", new { user = new { id = "fuzz" } });
                var session = JsonNode.Parse(await started.Content.ReadAsStringAsync())!;
                conversation = (string)session["conversationId"]!;
                token = (string)session["token"]!;
            }

            await directLine.SendAsync(http, $"/v3/directline/conversations/{conversation}/activities", seed, token);
        }

        Console.WriteLine($"## Channel fuzz: {iterations:N0} bodies in {watch.Elapsed.TotalSeconds:N0} s against {uri}");
        Print("POST /api/messages", messages);
        Print("POST /v3/directline/conversations/{id}/activities", directLine);
        var failures = messages.Failures.Concat(directLine.Failures).ToList();
        Console.WriteLine($"**5xx or 4xx without a reason: {failures.Count}**");
        foreach (var failure in failures.Take(50))
        {
            Console.WriteLine("- " + failure);
        }

        return failures.Count == 0 ? 0 : 1;
    }

    private static void Print(string endpoint, FuzzOutcomes outcomes)
    {
        Console.WriteLine();
        Console.WriteLine($"{endpoint}:");
        Console.WriteLine();
        Console.WriteLine("| status | generator | count |");
        Console.WriteLine("|---|---|---:|");
        foreach (var (key, count) in outcomes.Counts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var (status, kind) = (key[..3], key[4..]);
            Console.WriteLine($"| {status} | {kind} | {count:N0} |");
        }
    }
}
