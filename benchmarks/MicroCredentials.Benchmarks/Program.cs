using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project benchmarks/MicroCredentials.Benchmarks -- --filter '*'
// Figures and the exact commands are recorded in docs/benchmarks.md.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
