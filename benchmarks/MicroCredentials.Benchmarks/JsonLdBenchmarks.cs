using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using MicroCredentials.JsonLd;

namespace MicroCredentials.Benchmarks;

/// <summary>
/// JSON-LD toRdf and expansion of a typical micro-credential (four contexts, ~90 quads), with the embedded loader
/// and safe mode, as signing and verification use them. Contexts are cached after the first call.
/// </summary>
[MemoryDiagnoser]
public class JsonLdBenchmarks
{
    private static readonly JsonLdOptions Options = new() { SafeMode = true };
    private JsonNode credential = null!;

    [GlobalSetup]
    public void Setup()
    {
        credential = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "microcredential-sample.json")))!;
        JsonLdProcessor.ToRdf(credential, Options);
    }

    [Benchmark]
    public int ToRdf() => JsonLdProcessor.ToRdf(credential, Options).Count;

    [Benchmark]
    public int Expand() => JsonLdProcessor.Expand(credential, Options).Count;
}
