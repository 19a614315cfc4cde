using FaqBot.Fuzz;

// Long fuzz runs; the short versions run in the test suite. Usage:
//   dotnet run -c Release --project benchmarks/FaqBot.Fuzz -- articles [iterations]
//   dotnet run -c Release --project benchmarks/FaqBot.Fuzz -- http [iterations] [baseUrl]
var command = args.Length > 0 ? args[0] : "articles";
var iterations = args.Length > 1 && long.TryParse(args[1], out var n) ? n : 20_000;
var crashFolder = Path.Combine(Path.GetTempPath(), "faqbot-fuzz-crashes");
switch (command)
{
    case "articles":
        return ArticleFuzzRun.Run(iterations, crashFolder);
    case "http":
        return await HttpFuzzRun.RunAsync(iterations, args.Length > 2 ? args[2] : "http://127.0.0.1:3978");
    case "payloads":
        // Generation only: how the payload mix looks (no host needed).
        foreach (var group in Enumerable.Range(0, (int)iterations).Select(FaqBot.Web.Tests.Fuzzing.ActivityPayloads.Create).GroupBy(p => p.Kind))
        {
            Console.WriteLine($"{group.Key}: {group.Count()} payloads, {group.Sum(p => (long)p.Body.Length):N0} bytes");
        }

        return 0;
    default:
        await Console.Error.WriteLineAsync($"unknown command '{command}'; use 'articles' or 'http'.");
        return 2;
}
