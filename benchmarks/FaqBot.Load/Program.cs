using FaqBot.Load;

// Usage: dotnet FaqBot.Load.dll --url http://127.0.0.1:3978 --users 16 --seconds 30 --questions benchmarks/load/questions.txt [--turns-per-conversation 5]
// Only loopback targets are accepted: this is a load generator.
var settings = DirectLineLoadSettings.Parse(args);
if (settings is null)
{
    await Console.Error.WriteLineAsync(DirectLineLoadSettings.Usage);
    return 2;
}

var report = await new DirectLineLoad(settings).RunAsync(CancellationToken.None);
Console.WriteLine(report.ToResultLine());
return 0;
