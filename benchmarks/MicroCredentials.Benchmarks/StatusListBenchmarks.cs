using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Keys;
using MicroCredentials.Status;
using NSec.Cryptography;

namespace MicroCredentials.Benchmarks;

/// <summary>
/// One full status list (131,072 entries, ~1 % set at random): encode at each GZIP level, decode, build the unsigned
/// list credential, encode + sign it (eddsa-rdfc-2022), verify its proof, allocate an index.
/// Target: encode + sign of one list under 50 ms.
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
    private Key key = null!;
    private byte[] publicKey = [];
    private string verificationMethod = "";
    private JsonObject signed = null!;

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
        key = Key.Import(SignatureAlgorithm.Ed25519, SHA256.HashData("benchmark key"u8), KeyBlobFormat.RawPrivateKey);
        publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        verificationMethod = "did:web:credentials.example.edu#" + Multikey.EncodeEd25519PublicKey(publicKey);
        signed = EncodeAndSign();
    }

    [GlobalCleanup]
    public void Cleanup() => key.Dispose();

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

    [Benchmark]
    public JsonObject EncodeAndSign() => DataIntegritySigner.Sign(BuildUnsignedCredential(), key, verificationMethod, ValidFrom);

    [Benchmark]
    public bool VerifyListProof() =>
        DataIntegrityVerifier.Verify(signed, method => method == verificationMethod ? publicKey : null).IsValid;

    [Benchmark]
    public int AllocateIndex() => allocator.Allocate(taken.Contains).Index;
}
