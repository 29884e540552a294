using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Reports;
using MicroCredentials.Catalog;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Issuance;
using MicroCredentials.Keys;
using MicroCredentials.Model;
using MicroCredentials.Rdf;
using MicroCredentials.Rdf.Canonicalization;
using NSec.Cryptography;

namespace MicroCredentials.Benchmarks;

/// <summary>
/// eddsa-rdfc-2022 on one rich micro-credential from samples/ (JSON-LD safe-mode toRdf + RDFC-1.0 + SHA-256 +
/// Ed25519): sign (canonicalize document and proof configuration, sign) and verify. After the run,
/// <see cref="CompareWithJavaScript"/> times the JavaScript reference (tests/interop/bench-di.mjs) on the same document.
/// </summary>
[MemoryDiagnoser]
public class DataIntegrityBenchmarks
{
    private static readonly DateTimeOffset Created = new(2026, 2, 10, 9, 30, 15, TimeSpan.Zero);
    private JsonObject unsigned = null!;
    private JsonObject signed = null!;
    private Key key = null!;
    private byte[] publicKey = null!;
    private string verificationMethod = null!;
    private IReadOnlyList<Quad> quads = null!;

    /// <summary>The deterministic benchmark key seed.</summary>
    public static byte[] Seed => SHA256.HashData("microcredentials benchmark key"u8);

    [GlobalSetup]
    public void Setup()
    {
        unsigned = RichCredential();
        key = Key.Import(SignatureAlgorithm.Ed25519, Seed, KeyBlobFormat.RawPrivateKey);
        publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        verificationMethod = VerificationMethod(publicKey);
        signed = DataIntegritySigner.Sign(unsigned, key, verificationMethod, Created);
        quads = NQuads.Parse(EddsaRdfc2022.Canonicalize(unsigned));
    }

    [GlobalCleanup]
    public void Cleanup() => key.Dispose();

    [Benchmark]
    public JsonObject CanonicalizeAndSign() => DataIntegritySigner.Sign(unsigned, key, verificationMethod, Created);

    /// <summary>RDFC-1.0 alone on the credential's dataset (the rest of signing is JSON-LD toRdf and Ed25519).</summary>
    [Benchmark]
    public string Rdfc10Only() => Rdfc10.Canonicalize(quads);

    [Benchmark]
    public bool Verify() => DataIntegrityVerifier.Verify(signed, _ => publicKey).IsValid;

    /// <summary>
    /// Runs the JavaScript reference on the same credential and prints both rates and the ratios, when the summaries
    /// include these benchmarks and node is available.
    /// </summary>
    public static void CompareWithJavaScript(IEnumerable<Summary> summaries, int iterations = 200)
    {
        var reports = summaries.SelectMany(s => s.Reports)
            .Where(r => r.BenchmarkCase.Descriptor.Type == typeof(DataIntegrityBenchmarks) && r.ResultStatistics is not null)
            .ToDictionary(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name, r => 1e9 / r.ResultStatistics!.Mean);
        if (reports.Count == 0)
        {
            return;
        }

        var root = RepositoryRoot();
        var file = Path.Combine(Path.GetTempPath(), "microcredentials-bench-credential.json");
        File.WriteAllText(file, RichCredential().ToJsonString());
        var seed = Seed;
        using var benchKey = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        var pub = benchKey.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Path.Combine(root, "tests", "interop"),
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "bench-di.mjs", file, Multikey.EncodeEd25519SecretKey(seed), Multikey.EncodeEd25519PublicKey(pub), VerificationMethod(pub),
            iterations.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var js = JsonNode.Parse(output)!;
        var jsSign = (double)js["signPerSecond"]!;
        var jsVerify = (double)js["verifyPerSecond"]!;
        Console.WriteLine();
        Console.WriteLine("eddsa-rdfc-2022, one rich micro-credential, single thread (operations per second):");
        Print("canonicalize + sign", reports.GetValueOrDefault(nameof(CanonicalizeAndSign)), jsSign);
        Print("verify", reports.GetValueOrDefault(nameof(Verify)), jsVerify);

        static void Print(string what, double ours, double theirs) =>
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {what,-20} ours {ours,10:F0}/s   jsonld.js+digitalbazaar {theirs,8:F1}/s   ratio {ours / theirs,6:F1}x"));
    }

    private static string VerificationMethod(byte[] publicKey) =>
        $"did:web:credentials.nova-academy.be#{Multikey.EncodeEd25519PublicKey(publicKey)}";

    /// <summary>The first credential the sample catalogue and learner list produce, with a status entry.</summary>
    private static JsonObject RichCredential()
    {
        var root = RepositoryRoot();
        var catalog = CatalogLoader.Load(File.ReadAllText(Path.Combine(root, "samples", "catalog.json"))).Catalog!;
        var row = LearnerCsvReader.Read(File.ReadAllText(Path.Combine(root, "samples", "learners.csv")), "learners.csv", catalog, AwardDates.Today(TimeProvider.System)).Rows[0];
        var factory = new CredentialFactory(
            new FixedClock(Created), CredentialFactory.BuildIssuer(catalog.Issuer, "did:web:credentials.nova-academy.be"),
            new Uri("https://credentials.nova-academy.be"));
        var credential = CredentialJson.ToJsonObject(factory.Create(catalog.Find(row.Code)!, row));
        credential["id"] = "urn:uuid:0b7a4c9e-2f1d-4a55-9b0e-3c6d8e1f2a47";
        credential["credentialStatus"] = new JsonObject
        {
            ["id"] = "https://credentials.nova-academy.be/status/1#48211",
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = "revocation",
            ["statusListIndex"] = "48211",
            ["statusListCredential"] = "https://credentials.nova-academy.be/status/1",
        };
        return credential;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MicroCredentials.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("MicroCredentials.sln not found above the benchmark folder.");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
