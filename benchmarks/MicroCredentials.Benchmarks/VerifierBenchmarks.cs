using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using MicroCredentials.Catalog;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Issuance;
using MicroCredentials.Jwt;
using MicroCredentials.Keys;
using MicroCredentials.Model;
using MicroCredentials.Status;
using MicroCredentials.Verification;

namespace MicroCredentials.Benchmarks;

/// <summary>
/// The whole in-process verification the host runs for <c>POST /api/verify</c> (without HTTP): format, schema,
/// proof, issuer key, status (our own list, looked up locally) and validity, for the first sample credential as a
/// VC-JWT (RS256 and ES256) and as JSON with an eddsa-rdfc-2022 proof. Compare with the wrk figures in
/// docs/benchmarks.md.
/// Run: dotnet run -c Release --project benchmarks/MicroCredentials.Benchmarks -- --filter '*VerifierBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class VerifierBenchmarks
{
    private const string ListUrl = BenchmarkFiles.BaseUrl + "/status/1";
    private const string SuspensionUrl = BenchmarkFiles.BaseUrl + "/status/2";
    private IssuerKeySet keys = null!;
    private CredentialVerifier verifier = null!;
    private HttpClient http = null!;
    private string rs256 = "";
    private string es256 = "";
    private string json = "";
    private JsonObject signed = null!;
    private readonly Bitstring list = new();

    [GlobalSetup]
    public void Setup()
    {
        var root = BenchmarkFiles.RepositoryRoot();
        keys = BenchmarkFiles.DemoKeys();
        var catalog = CatalogLoader.Load(File.ReadAllText(Path.Combine(root, "samples", "catalog.json"))).Catalog!;
        var row = LearnerCsvReader.Read(File.ReadAllText(Path.Combine(root, "samples", "learners.csv")), "learners.csv", catalog, AwardDates.Today(TimeProvider.System)).Rows[0];
        var factory = new CredentialFactory(TimeProvider.System, CredentialFactory.BuildIssuer(catalog.Issuer, keys.IssuerId), new Uri(BenchmarkFiles.BaseUrl));
        // Two entries, revocation and suspension, as the host issues them.
        var revocation = new BitstringStatusListEntry
        {
            Id = ListUrl + "#48211", StatusPurpose = "revocation", StatusListIndex = "48211", StatusListCredential = ListUrl,
        };
        var suspension = new BitstringStatusListEntry
        {
            Id = SuspensionUrl + "#48211", StatusPurpose = "suspension", StatusListIndex = "48211", StatusListCredential = SuspensionUrl,
        };
        var credential = CredentialJson.ToJsonObject(factory.Create(catalog.Find(row.Code)!, row, [revocation, suspension]));
        rs256 = VcJwtSigner.Sign(credential, keys.Rs256);
        es256 = VcJwtSigner.Sign(credential, keys.Es256);
        signed = DataIntegritySigner.Sign(credential, keys.Ed25519Key, keys.VerificationMethodId, TimeProvider.System.GetUtcNow());
        json = signed.ToJsonString();
        http = new HttpClient();
        var checker = new StatusChecker(new StatusListClient(http, TimeProvider.System), StatusListProof.Verifier(keys), TimeProvider.System);
        verifier = new CredentialVerifier(keys.DataIntegrityKeyResolver, keys.JwtKeyResolver, checker, TimeProvider.System);
        foreach (var text in new[] { rs256, es256, json })
        {
            var verdict = verifier.VerifyTextAsync(text, Local, CancellationToken.None).GetAwaiter().GetResult().Verdict;
            if (verdict != Verdict.Valid)
            {
                throw new InvalidOperationException($"The benchmark credential does not verify: {verdict}.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        http.Dispose();
    }

    [Benchmark]
    public async Task<Verdict> VerifyJwtRs256() => (await verifier.VerifyJwtAsync(rs256, Local, CancellationToken.None)).Verdict;

    [Benchmark]
    public async Task<Verdict> VerifyJwtEs256() => (await verifier.VerifyJwtAsync(es256, Local, CancellationToken.None)).Verdict;

    /// <summary>Data Integrity: the credential object is cloned first, as a request body would be parsed fresh.</summary>
    [Benchmark]
    public async Task<Verdict> VerifyJson() =>
        (await verifier.VerifyJsonAsync((JsonObject)signed.DeepClone(), Local, CancellationToken.None)).Verdict;

    /// <summary>The same from the request text (parse + detect + verify), as the API receives it.</summary>
    [Benchmark]
    public async Task<Verdict> VerifyJsonText() => (await verifier.VerifyTextAsync(json, Local, CancellationToken.None)).Verdict;

    /// <summary>The VC-JWT signature and claims check alone (no schema, status or report).</summary>
    public bool JwtOnlyRs256() => VcJwtVerifier.Verify(rs256, keys.JwtKeyResolver, TimeProvider.System).IsValid;

    /// <summary>The VC-JWT signature and claims check alone (no schema, status or report).</summary>
    public bool JwtOnlyEs256() => VcJwtVerifier.Verify(es256, keys.JwtKeyResolver, TimeProvider.System).IsValid;

    /// <summary>The schema step as the verifier runs it on the parsed JSON credential (both schemas, both status entries).</summary>
    public bool SchemaStep() => CredentialVerifier.CheckSchema(signed).Outcome == CheckOutcome.Pass;

    private Bitstring? Local(string url, string purpose) =>
        (url == ListUrl && purpose == "revocation") || (url == SuspensionUrl && purpose == "suspension") ? list : null;
}
