using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Keys;
using MicroCredentials.Status;
using MicroCredentials.Verification;
using NSec.Cryptography;

namespace MicroCredentials.Core.Tests.Verification;

/// <summary>Our own status list credential, uploaded, is recognised and verified as one — never called a certificate.</summary>
public sealed class CredentialVerifierStatusListTests
{
    private VerifierSetup setup = null!;

    [SetUp]
    public void SetUp() => setup = new VerifierSetup();

    [TearDown]
    public void TearDown() => setup.Dispose();

    [Test]
    public async Task VerifyText_OurSignedStatusList_IsAGenuineStatusListNotACertificate()
    {
        var list = setup.Sign(UnsignedList(Samples.IssuerId));

        var report = await setup.Verifier.VerifyTextAsync(list.ToJsonString(), setup.Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.StatusListCredential), string.Join("; ", report.Checks.Select(c => c.Detail)));
        Assert.That(report.Verified, Is.False, "a status list is not a certificate");
        Assert.That(report.Checks.Select(c => (c.Id, c.Outcome)), Is.EqualTo(new[]
        {
            (CheckId.Format, CheckOutcome.Pass), (CheckId.Schema, CheckOutcome.Skipped), (CheckId.Proof, CheckOutcome.Pass),
            (CheckId.IssuerKey, CheckOutcome.Pass), (CheckId.Status, CheckOutcome.Skipped), (CheckId.ValidityPeriod, CheckOutcome.Pass),
        }));
        Assert.That(report.Checks[0].Reason, Is.EqualTo(VerificationReasons.StatusListCredential));
        Assert.That(report.Checks[0].Detail, Does.Contain("not a certificate"));
        Assert.That(report.Proofs.Single().Accepted, Is.True);
    }

    [Test]
    public async Task VerifyJson_TamperedStatusList_IsNotGenuine()
    {
        var list = setup.Sign(UnsignedList(Samples.IssuerId));
        list["credentialSubject"]!["statusPurpose"] = "suspension";

        var report = await setup.Verifier.VerifyJsonAsync(list, setup.Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.NotGenuine));
        Assert.That(report.Checks.Single(c => c.Id == CheckId.Proof).Reason, Is.EqualTo(VerificationReasons.SignatureInvalid));
    }

    [Test]
    public async Task VerifyJson_AnotherIssuersStatusList_IsUnknownIssuer()
    {
        const string other = "did:web:another-university.example";
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var vm = other + "#" + Multikey.EncodeEd25519PublicKey(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        var list = DataIntegritySigner.Sign(UnsignedList(other), key, vm, VerifierSetup.Issued);

        var report = await setup.Verifier.VerifyJsonAsync(list, setup.Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.UnknownIssuer));
    }

    [Test]
    public async Task VerifyJson_StatusListWithoutProof_IsNotGenuine()
    {
        var report = await setup.Verifier.VerifyJsonAsync(UnsignedList(Samples.IssuerId), setup.Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.NotGenuine));
    }

    [Test]
    public async Task VerifyJson_TypedAsStatusListButBroken_IsUnreadableWithTheReason()
    {
        var list = setup.Sign(UnsignedList(Samples.IssuerId));
        list["credentialSubject"] = "https://credentials.nova-academy.be/status/1#list";

        var report = await setup.Verifier.VerifyJsonAsync(list, setup.Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Unreadable));
        Assert.That(report.Checks.Single().Detail, Does.Contain("Bitstring Status List"));
    }

    private static JsonObject UnsignedList(string issuer) =>
        StatusListCredentialBuilder.Build(VerifierSetup.ListUrl, issuer, "revocation", new Bitstring(), VerifierSetup.Issued, TimeSpan.FromMinutes(5));
}
