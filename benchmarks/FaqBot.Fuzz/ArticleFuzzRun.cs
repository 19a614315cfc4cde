using System.Collections.Concurrent;
using System.Diagnostics;
using CsCheck;
using FaqBot.Knowledge.Tests.Fuzzing;

namespace FaqBot.Fuzz;

/// <summary>The long extractor fuzz: counts accepted and rejected inputs (by message kind) and keeps every crashing input.</summary>
internal static class ArticleFuzzRun
{
    public static int Run(long iterations, string crashFolder)
    {
        var work = Directory.CreateTempSubdirectory("faqbot-fuzz-articles-").FullName;
        var accepted = 0L;
        var rejected = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var crashes = new ConcurrentBag<(byte[] Input, string Detail)>();
        var watch = Stopwatch.StartNew();
        try
        {
            ArticleMutations.Any(SeedArticle.Bytes).Sample(bytes =>
            {
                var outcome = ArticleFuzzOutcome.Run(bytes, Path.Combine(work, $"{Guid.NewGuid():N}.md"));
                switch (outcome.Kind)
                {
                    case "accepted":
                        Interlocked.Increment(ref accepted);
                        break;
                    case "rejected":
                        rejected.AddOrUpdate(outcome.Detail, 1, (_, n) => n + 1);
                        break;
                    default:
                        crashes.Add((bytes, outcome.Detail));
                        break;
                }
            }, iter: iterations);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        var total = accepted + rejected.Values.Sum() + crashes.Count;
        Console.WriteLine($"## Extractor fuzz: {total:N0} inputs in {watch.Elapsed.TotalSeconds:N0} s");
        Console.WriteLine();
        Console.WriteLine("| outcome | count |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine($"| accepted | {accepted:N0} |");
        foreach (var (kind, count) in rejected.OrderByDescending(p => p.Value))
        {
            Console.WriteLine($"| rejected: {kind.Replace("|", "\\|", StringComparison.Ordinal)} | {count:N0} |");
        }

        Console.WriteLine($"| **crashes** (any other exception) | **{crashes.Count}** |");
        if (!crashes.IsEmpty)
        {
            Directory.CreateDirectory(crashFolder);
            var i = 0;
            foreach (var (input, detail) in crashes)
            {
                File.WriteAllBytes(Path.Combine(crashFolder, $"crash-{i}.md"), input);
                File.WriteAllText(Path.Combine(crashFolder, $"crash-{i}.txt"), detail);
                i++;
            }

            Console.Error.WriteLine($"{crashes.Count} crashing inputs written to {crashFolder}");
        }

        return crashes.IsEmpty ? 0 : 1;
    }
}
