using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/FaqBot.Benchmarks -- --filter '*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
