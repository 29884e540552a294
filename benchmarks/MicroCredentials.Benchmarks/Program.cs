using BenchmarkDotNet.Running;
using MicroCredentials.Benchmarks;

// Run all: dotnet run -c Release --project benchmarks/MicroCredentials.Benchmarks -- --filter '*'
// Figures and the exact commands are recorded in docs/benchmarks.md.
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

// When the Data Integrity benchmarks ran, time the JavaScript reference on the same credential and print the ratios.
DataIntegrityBenchmarks.CompareWithJavaScript(summaries);
