using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Keys;
using MicroCredentials.Model;
using MicroCredentials.Status;
using MicroCredentials.Verification;
using Microsoft.Extensions.Time.Testing;
using NSec.Cryptography;

namespace MicroCredentials.Core.Tests.Verification;

/// <summary>
/// A verifier over the demo keys of <c>keys.example/</c>, a fake clock 30 days after issuance, our two status lists
/// held locally, and an HTTP client that answers every fetch with 404 (no test reaches the network).
/// </summary>
internal sealed class VerifierSetup : IDisposable
{
    public const string ListUrl = "https://credentials.nova-academy.be/status/1";
    public static readonly DateTimeOffset Issued = new(2026, 2, 10, 9, 30, 15, TimeSpan.Zero);

    private readonly HttpClient http = new(new NotFoundHandler());

    public VerifierSetup()
    {
        Keys = IssuerKeySet.Load(IssuerKeyOptions.ForDirectory(Path.Combine(RepositoryPaths.Root, "keys.example"), "demo"), Samples.IssuerId);
        Verifier = Create();
    }

    public IssuerKeySet Keys { get; }

    public FakeTimeProvider Time { get; } = new(Issued.AddDays(30));

    public Bitstring Revocations { get; } = new();

    public Bitstring Suspensions { get; } = new();

    public CredentialVerifier Verifier { get; }

    /// <summary>A verifier with another key resolver (e.g. one that knows nothing) or options.</summary>
    public CredentialVerifier Create(Func<string, byte[]?>? resolver = null, CredentialVerifierOptions? options = null) =>
        new(resolver ?? Keys.DataIntegrityKeyResolver, Keys.JwtKeyResolver, Checker(), Time, options);

    public StatusChecker Checker() => new(new StatusListClient(http, Time), StatusListProof.Verifier(Keys), Time);

    public Bitstring? Lists(string url, string purpose) =>
        url == ListUrl ? (purpose == "revocation" ? Revocations : Suspensions) : null;

    /// <summary>The first sample learner's credential, unsigned, with a revocation and a suspension entry.</summary>
    public static JsonObject Unsigned()
    {
        var catalog = Samples.Catalog();
        var row = Samples.Learners(catalog)[0];
        var status = new[] { StatusEntryFactory.Create(ListUrl, "revocation", 42), StatusEntryFactory.Create(ListUrl, "suspension", 43) };
        var credential = Samples.Factory(catalog, new FakeTimeProvider(Issued)).Create(catalog.Find(row.Code)!, row, status);
        return CredentialJson.ToJsonObject(credential);
    }

    /// <summary>Signs with the demo issuer key (eddsa-rdfc-2022, assertionMethod).</summary>
    public JsonObject Sign(JsonObject unsigned) => DataIntegritySigner.Sign(unsigned, Keys.Ed25519Key, Keys.VerificationMethodId, Issued);

    /// <summary>An eddsa-rdfc-2022 proof over <paramref name="unsigned"/> with any purpose, key and verification method.</summary>
    public static JsonObject ProofOver(JsonObject unsigned, Ed25519SigningKey key, string verificationMethod, string purpose)
    {
        var options = new DataIntegrityProof(DataIntegrityProof.DataIntegrityProofType, EddsaRdfc2022.Name,
            DataIntegrityProof.FormatCreated(Issued), verificationMethod, purpose, null);
        var hashData = EddsaRdfc2022.HashData((JsonObject)unsigned.DeepClone(), options.ToJsonObject(), null);
        return (options with { ProofValue = Ed25519Proofs.Sign(key, hashData) }).ToJsonObject();
    }

    public void Dispose()
    {
        Keys.Dispose();
        http.Dispose();
    }

    private sealed class NotFoundHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NotFound));
    }
}
