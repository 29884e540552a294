using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Jwt;
using MicroCredentials.Keys;
using MicroCredentials.Model;
using MicroCredentials.Status;
using MicroCredentials.Verification;
using Microsoft.Extensions.Time.Testing;
using NSec.Cryptography;

namespace MicroCredentials.Core.Tests.Verification;

public sealed partial class CredentialVerifierTests
{
    private const string ListUrl = "https://credentials.nova-academy.be/status/1";
    private static readonly DateTimeOffset Issued = new(2026, 2, 10, 9, 30, 15, TimeSpan.Zero);
    private IssuerKeySet _keys = null!;
    private FakeTimeProvider _time = null!;
    private HttpClient _http = null!;
    private CredentialVerifier _verifier = null!;
    private Bitstring _revocations = null!;
    private Bitstring _suspensions = null!;

    [SetUp]
    public void SetUp()
    {
        _keys = IssuerKeySet.Load(IssuerKeyOptions.ForDirectory(Path.Combine(RepositoryPaths.Root, "keys.example"), "demo"), Samples.IssuerId);
        _time = new FakeTimeProvider(Issued.AddDays(30));
        _http = new HttpClient();
        var checker = new StatusChecker(new StatusListClient(_http, _time), StatusListProof.Verifier(_keys), _time);
        _verifier = new CredentialVerifier(_keys.DataIntegrityKeyResolver, _keys.JwtKeyResolver, checker, _time);
        _revocations = new Bitstring();
        _suspensions = new Bitstring();
    }

    [TearDown]
    public void TearDown()
    {
        _keys.Dispose();
        _http.Dispose();
    }

    [Test]
    public async Task VerifyJson_SignedSample_IsValidWithEveryCheckPassing()
    {
        var report = await _verifier.VerifyJsonAsync(Sign(UnsignedSingle()), Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Valid));
        Assert.That(report.Checks.Select(c => (c.Id, c.Outcome)), Is.EqualTo(new[]
        {
            (CheckId.Format, CheckOutcome.Pass), (CheckId.Schema, CheckOutcome.Pass), (CheckId.Proof, CheckOutcome.Pass),
            (CheckId.IssuerKey, CheckOutcome.Pass), (CheckId.Status, CheckOutcome.Pass), (CheckId.ValidityPeriod, CheckOutcome.Pass),
        }));
    }

    [Test]
    public async Task VerifyText_Jwt_IsValid()
    {
        var jwt = VcJwtSigner.Sign(Sign(Unsigned()), _keys.Rs256);

        var report = await _verifier.VerifyTextAsync(jwt, Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Valid), string.Join("; ", report.Checks.Select(c => c.Detail)));
    }

    [TestCase("name", TestName = "Tampered learner name")]
    [TestCase("ects", TestName = "Tampered ECTS")]
    [TestCase("grade", TestName = "Tampered grade")]
    [TestCase("issuer", TestName = "Tampered issuer name")]
    public async Task VerifyJson_ChangedValue_IsNotGenuineWithSignatureReason(string field)
    {
        var signed = Sign(Unsigned());
        var subject = signed["credentialSubject"]!;
        switch (field)
        {
            case "name": subject["identifier"]!.AsArray().Last()!["identityHash"] = "Someone Else"; break;
            case "ects": subject["achievement"]!["ectsCredits"] = 60; break;
            case "grade": subject["result"]![0]!["value"] = "20"; break;
            default: signed["issuer"]!["name"] = "Diploma Mill"; break;
        }

        var report = await _verifier.VerifyJsonAsync(signed, Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.NotGenuine));
        Assert.That(report.Checks.Single(c => c.Id == CheckId.Proof).Reason, Is.EqualTo(VerificationReasons.SignatureInvalid));
    }

    [Test]
    public async Task VerifyJson_SignedByAnotherKey_IsNotGenuineUnknownKey()
    {
        using var other = Key.Create(SignatureAlgorithm.Ed25519);
        var vm = Samples.IssuerId + "#" + Multikey.EncodeEd25519PublicKey(other.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        var forged = DataIntegritySigner.Sign(Unsigned(), other, vm, Issued);

        var report = await _verifier.VerifyJsonAsync(forged, Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.NotGenuine));
        Assert.That(report.Checks.Single(c => c.Id == CheckId.IssuerKey).Reason, Is.EqualTo(VerificationReasons.UnknownKey));
    }

    [Test]
    public async Task VerifyJson_NoProof_IsNotGenuine()
    {
        var report = await _verifier.VerifyJsonAsync(Unsigned(), Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.NotGenuine));
        Assert.That(report.Checks.Single(c => c.Id == CheckId.Proof).Reason, Is.EqualTo(VerificationReasons.NoProof));
    }

    [TestCase(true, Verdict.Revoked)]
    [TestCase(false, Verdict.Suspended)]
    public async Task VerifyJson_StatusBitSet_ReportsIt(bool revoke, Verdict expected)
    {
        (revoke ? _revocations : _suspensions).Set(revoke ? 42 : 43, true);

        var report = await _verifier.VerifyJsonAsync(Sign(Unsigned()), Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(expected));
    }

    [Test]
    public async Task VerifyJson_StatusListUnreachable_SaysStatusUnknownNotValid()
    {
        var report = await _verifier.VerifyJsonAsync(Sign(Unsigned()), localList: null, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.ValidStatusUnknown));
        var status = report.Checks.Single(c => c.Id == CheckId.Status);
        Assert.That(status.Outcome, Is.EqualTo(CheckOutcome.Warning));
        Assert.That(status.Detail, Does.Contain("could not be checked"));
    }

    [Test]
    public async Task VerifyJson_PastValidUntil_IsExpiredNotForged()
    {
        var unsigned = Unsigned();
        unsigned["validUntil"] = "2026-06-30T00:00:00Z";
        var signed = Sign(unsigned);
        _time.SetUtcNow(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero));

        var report = await _verifier.VerifyJsonAsync(signed, Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Expired));
        Assert.That(report.Checks.Single(c => c.Id == CheckId.Proof).Outcome, Is.EqualTo(CheckOutcome.Pass));
    }

    [Test]
    public async Task VerifyJson_BeforeValidFrom_IsNotYetValid()
    {
        var signed = Sign(Unsigned());
        var before = new FakeTimeProvider(Issued.AddDays(-1));
        var checker = new StatusChecker(new StatusListClient(_http, before), StatusListProof.Verifier(_keys), before);
        var verifier = new CredentialVerifier(_keys.DataIntegrityKeyResolver, _keys.JwtKeyResolver, checker, before);

        var report = await verifier.VerifyJsonAsync(signed, Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.NotYetValid));
    }

    [TestCase("", TestName = "Empty")]
    [TestCase("hello", TestName = "Plain text")]
    [TestCase("{\"a\":", TestName = "Broken JSON")]
    [TestCase("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\"]}", TestName = "Not an Open Badge")]
    [TestCase("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0", TestName = "Truncated JWT")]
    [TestCase("[1,2,3]", TestName = "JSON array")]
    public async Task VerifyText_Garbage_IsUnreadableNeverThrows(string text)
    {
        var report = await _verifier.VerifyTextAsync(text, Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Unreadable));
    }

    [Test]
    public async Task VerifyText_JwtSignedByOutsider_IsNotGenuine()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        using var outsider = JwtSigningKey.FromRsa(rsa, Samples.IssuerId);
        var jwt = VcJwtSigner.Sign(Sign(Unsigned()), outsider);

        var report = await _verifier.VerifyTextAsync(jwt, Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.NotGenuine));
    }

    [Test]
    public async Task VerifyJson_AnotherIssuersCredential_IsUnknownIssuerNotForgedAndItsStatusListIsNotFetched()
    {
        const string other = "did:web:another-university.example";
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var unsigned = Unsigned();
        unsigned["issuer"]!["id"] = other;
        var vm = other + "#" + Multikey.EncodeEd25519PublicKey(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        var theirs = DataIntegritySigner.Sign(unsigned, key, vm, Issued);
        var handler = new CountingHandler();
        using var http = new HttpClient(handler);
        var verifier = new CredentialVerifier(_keys.DataIntegrityKeyResolver, _keys.JwtKeyResolver,
            new StatusChecker(new StatusListClient(http, _time), StatusListProof.Verifier(_keys), _time), _time);

        var report = await verifier.VerifyJsonAsync(theirs, localList: null, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.UnknownIssuer));
        Assert.That(report.Checks.Single(c => c.Id == CheckId.IssuerKey).Detail, Does.Contain(other));
        Assert.That(report.Checks.Single(c => c.Id == CheckId.Status).Outcome, Is.EqualTo(CheckOutcome.Skipped));
        Assert.That(handler.Requests, Is.Zero, "the status list named by an unconfirmed credential is not fetched");
    }

    [Test]
    public async Task VerifyText_AnotherIssuersJwt_IsUnknownIssuer()
    {
        const string other = "did:web:another-university.example";
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        using var theirKey = JwtSigningKey.FromRsa(rsa, other);
        var unsigned = Unsigned();
        unsigned["issuer"]!["id"] = other;

        var report = await _verifier.VerifyTextAsync(VcJwtSigner.Sign(unsigned, theirKey), Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.UnknownIssuer));
    }

    [Test]
    public async Task VerifyJson_OurIssuerNamedButAnotherIssuersKey_IsNotGenuine()
    {
        // Claiming to be us is what a forger does: that stays "not genuine", whoever's key signed it.
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var vm = "did:web:another-university.example#" + Multikey.EncodeEd25519PublicKey(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

        var report = await _verifier.VerifyJsonAsync(DataIntegritySigner.Sign(Unsigned(), key, vm, Issued), Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.NotGenuine));
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NotFound));
        }
    }

    private Bitstring? Lists(string url, string purpose) =>
        url == ListUrl ? (purpose == "revocation" ? _revocations : _suspensions) : null;

    private static JsonObject Unsigned()
    {
        var catalog = Samples.Catalog();
        var row = Samples.Learners(catalog)[0];
        var status = new[] { StatusEntryFactory.Create(ListUrl, "revocation", 42), StatusEntryFactory.Create(ListUrl, "suspension", 43) };
        var credential = Samples.Factory(catalog, new FakeTimeProvider(Issued)).Create(catalog.Find(row.Code)!, row, status);
        return CredentialJson.ToJsonObject(credential);
    }

    private JsonObject Sign(JsonObject unsigned) =>
        DataIntegritySigner.Sign(unsigned, _keys.Ed25519Key, _keys.VerificationMethodId, Issued);
}
