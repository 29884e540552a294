using System.IO.Compression;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Keys;
using MicroCredentials.Status;

namespace MicroCredentials.Benchmarks;

/// <summary>
/// One full status list (131,072 entries, ~1 % set at random): encode at each GZIP level, decode, build the unsigned
/// list credential, allocate an index. Target: encode + sign of one list under 50 ms.
/// Run: <c>dotnet run -c Release --project benchmarks/MicroCredentials.Benchmarks -- --filter '*StatusList*'</c>
/// </summary>
[MemoryDiagnoser]
public class StatusListBenchmarks
{
    private static readonly DateTimeOffset ValidFrom = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private readonly StatusIndexAllocator allocator = new();
    private Bitstring list = null!;
    private HashSet<int> taken = null!;
    private string encoded = "";
    private IssuerKeySet keys = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Fixed seed: the same ~1 % of bits on every run.
        var random = new Random(2026);
        list = new Bitstring();
        taken = [];
        while (taken.Count < list.Length / 100)
        {
            var index = random.Next(list.Length);
            taken.Add(index);
            list.Set(index, true);
        }

        encoded = list.Encode();
        keys = BenchmarkFiles.DemoKeys();
    }

    [Benchmark(Baseline = true)]
    public string EncodeOptimal() => list.Encode(CompressionLevel.Optimal);

    [Benchmark]
    public string EncodeSmallestSize() => list.Encode(CompressionLevel.SmallestSize);

    [Benchmark]
    public string EncodeFastest() => list.Encode(CompressionLevel.Fastest);

    [Benchmark]
    public Bitstring? Decode() => Bitstring.Decode(encoded).Bitstring;

    [Benchmark]
    public JsonObject BuildUnsignedCredential() =>
        StatusListCredentialBuilder.Build("https://credentials.example.edu/status/1", "did:web:credentials.example.edu",
            StatusPurpose.Revocation, list, ValidFrom, TimeSpan.FromDays(1));

    /// <summary>
    /// What the host does when a list changed: encode (GZIP, optimal), build the BitstringStatusListCredential and
    /// sign it with eddsa-rdfc-2022 (demo Ed25519 key). Target: under 50 ms.
    /// </summary>
    [Benchmark]
    public JsonObject EncodeBuildAndSign() =>
        DataIntegritySigner.Sign(
            StatusListCredentialBuilder.Build("https://credentials.example.edu/status/1", keys.IssuerId, StatusPurpose.Revocation, list, ValidFrom, TimeSpan.FromDays(1)),
            keys.Ed25519Key, keys.VerificationMethodId, ValidFrom);

    [Benchmark]
    public int AllocateIndex() => allocator.Allocate(taken.Contains).Index;
}
