using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using MicroCredentials.Verification;

namespace MicroCredentials.Benchmarks;

/// <summary>
/// The schema step of verification alone: the OB 3.0 AchievementCredential JSON Schema and our extension schema on
/// one valid sample credential.
/// Run: dotnet run -c Release --project benchmarks/MicroCredentials.Benchmarks -- --filter '*SchemaBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class SchemaBenchmarks
{
    private JsonNode credential = null!;

    [GlobalSetup]
    public void Setup()
    {
        credential = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "microcredential-sample.json")))!;
        SchemaValidator.ValidateOb3(credential);
        SchemaValidator.ValidateMicroCredentialExtension(credential);
    }

    [Benchmark]
    public int Ob3() => SchemaValidator.ValidateOb3(credential).Count;

    [Benchmark]
    public int Extension() => SchemaValidator.ValidateMicroCredentialExtension(credential).Count;
}
