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
    default:
        await Console.Error.WriteLineAsync($"unknown command '{command}'; use 'articles' or 'http'.");
        return 2;
}
