using BenchmarkDotNet.Running;
using MicroCredentials.Benchmarks;

// Run: dotnet run -c Release --project benchmarks/MicroCredentials.Benchmarks -- --filter '*'
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
DataIntegrityBenchmarks.CompareWithJavaScript(summaries);
