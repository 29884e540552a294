using System.Globalization;
using BenchmarkDotNet.Running;
using MicroCredentials.Benchmarks;

// Run all: dotnet run -c Release --project benchmarks/MicroCredentials.Benchmarks -- --filter '*'
// CPU time per operation (for a loaded machine): ... -- cpu [seconds per operation] [name filter] [warm-up seconds]
// Figures and the exact commands are recorded in docs/benchmarks.md.
if (args.Length > 0 && args[0] == "cpu")
{
    CpuTime.Run(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 2, args.Length > 2 ? args[2] : null,
        args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 1);
    return;
}

// Per-stage CPU cost of a batch job (see docs/benchmarks.md, "Batch jobs"): ... -- stages [rows] [pdf rows]
if (args.Length > 0 && args[0] == "stages")
{
    await JobStages.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100);
    return;
}

// A learners CSV for batch runs (see docs/benchmarks.md, "Batch jobs"): ... -- learners <rows> <file.csv> [first learner number]
// (a later first number gives other learners: a database already holding credentials)
if (args.Length is 3 or 4 && args[0] == "learners")
{
    LearnerCsvGenerator.Write(int.Parse(args[1], CultureInfo.InvariantCulture), args[2],
        args.Length == 4 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0);
    return;
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

// When the Data Integrity benchmarks ran, time the JavaScript reference on the same credential and print the ratios.
DataIntegrityBenchmarks.CompareWithJavaScript(summaries);
