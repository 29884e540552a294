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

// The default profile: one revocation entry; suspension is the issuer's own record, paired with the revocation list
// index for index, asked for as (revocation list URL, "suspension").
public sealed partial class CredentialVerifierTests
{
    [Test]
    public async Task VerifyJson_SingleEntrySuspendedInIssuersRecord_IsSuspended()
    {
        _suspensions.Set(42, true); // the record is indexed by the revocation index

        var report = await _verifier.VerifyJsonAsync(Sign(UnsignedSingle()), Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Suspended));
        var status = report.Checks.Single(c => c.Id == CheckId.Status);
        Assert.That(status.Reason, Is.EqualTo(VerificationReasons.Suspended));
        Assert.That(status.Detail, Does.Contain("the issuer's own record"));
    }

    [Test]
    public async Task VerifyJson_SingleEntryNotSuspended_IsValidAndSaysBoth()
    {
        _suspensions.Set(43, true); // another credential's index

        var report = await _verifier.VerifyJsonAsync(Sign(UnsignedSingle()), Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Valid));
        Assert.That(report.Checks.Single(c => c.Id == CheckId.Schema).Outcome, Is.EqualTo(CheckOutcome.Pass));
        Assert.That(report.Checks.Single(c => c.Id == CheckId.Status).Detail, Is.EqualTo("Not revoked and not suspended."));
    }

    [Test]
    public async Task VerifyJson_SingleEntryWithoutIssuersRecord_IsValidNotRevokedOnly()
    {
        _suspensions.Set(42, true);

        // A verifier without our database (or another verifier) has only the published revocation list.
        var report = await _verifier.VerifyJsonAsync(Sign(UnsignedSingle()), (url, purpose) => purpose == "revocation" ? Lists(url, purpose) : null,
            CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Valid));
        Assert.That(report.Checks.Single(c => c.Id == CheckId.Status).Detail, Is.EqualTo("Not revoked."));
    }

    [Test]
    public async Task VerifyJson_SingleEntryRevoked_IsRevokedWhateverTheRecordSays()
    {
        _revocations.Set(42, true);
        _suspensions.Set(42, true);

        var report = await _verifier.VerifyJsonAsync(Sign(UnsignedSingle()), Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Revoked));
    }

    [Test]
    public async Task VerifyJson_TwoEntryProfile_RecordNotConsultedAndSchemaWarns()
    {
        _suspensions.Set(42, true); // would mean "suspended" only if the verifier wrongly read the record at the revocation index

        var report = await _verifier.VerifyJsonAsync(Sign(Unsigned()), Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Valid), "the credential's own suspension entry (index 43) decides");
        var schema = report.Checks.Single(c => c.Id == CheckId.Schema);
        Assert.That(schema.Outcome, Is.EqualTo(CheckOutcome.Warning));
        Assert.That(schema.Reason, Is.EqualTo(VerificationReasons.SchemaStatusArray));
    }

    [Test]
    public async Task VerifyJson_AnotherIssuersSingleEntryCredential_RecordNotConsulted()
    {
        // Signed by a key we hold but naming another issuer: its key check fails, so no status list is consulted at all.
        using var other = Key.Create(SignatureAlgorithm.Ed25519);
        var unsigned = UnsignedSingle();
        unsigned["issuer"]!["id"] = "did:web:elsewhere.example";
        _suspensions.Set(42, true);
        var vm = "did:web:elsewhere.example#" + Multikey.EncodeEd25519PublicKey(other.PublicKey.Export(KeyBlobFormat.RawPublicKey));

        var report = await _verifier.VerifyJsonAsync(DataIntegritySigner.Sign(unsigned, other, vm, Issued), Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.Not.EqualTo(Verdict.Suspended));
    }

    private static JsonObject UnsignedSingle()
    {
        var catalog = Samples.Catalog();
        var row = Samples.Learners(catalog)[0];
        var credential = Samples.Factory(catalog, new FakeTimeProvider(Issued)).Create(catalog.Find(row.Code)!, row, StatusEntryFactory.ForProfile(42, ListUrl));
        var json = CredentialJson.ToJsonObject(credential);
        Assert.That(json["credentialStatus"], Is.InstanceOf<JsonObject>(), "one entry is written as one object");
        return json;
    }
}
