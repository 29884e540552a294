using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Keys;
using MicroCredentials.Verification;
using NSec.Cryptography;

namespace MicroCredentials.Core.Tests.Verification;

/// <summary>
/// Proof sets (issue 10 point 8): every proof is checked and listed; the verdict rests on a valid assertionMethod
/// proof by the issuer; a proof that fails, has another purpose or is by an unknown key is shown as such.
/// </summary>
public sealed class CredentialVerifierProofSetTests
{
    private VerifierSetup setup = null!;

    [SetUp]
    public void SetUp() => setup = new VerifierSetup();

    [TearDown]
    public void TearDown() => setup.Dispose();

    [Test]
    public async Task Verify_OneProof_ListsItAsAccepted()
    {
        var report = await setup.Verifier.VerifyJsonAsync(setup.Sign(VerifierSetup.Unsigned()), setup.Lists, CancellationToken.None);

        var proof = report.Proofs.Single();
        Assert.That(report.Verdict, Is.EqualTo(Verdict.Valid));
        Assert.That((proof.Type, proof.Cryptosuite, proof.VerificationMethod, proof.ProofPurpose, proof.Outcome, proof.Accepted),
            Is.EqualTo(("DataIntegrityProof", "eddsa-rdfc-2022", setup.Keys.VerificationMethodId, "assertionMethod", CheckOutcome.Pass, true)));
        Assert.That(report.Checks.Select(c => c.Id), Does.Not.Contain(CheckId.AdditionalProof));
    }

    [Test]
    public async Task Verify_ValidProofPlusGarbageProof_IsValidAndListsTheGarbageAsFailed()
    {
        var credential = setup.Sign(VerifierSetup.Unsigned());
        var garbage = (JsonObject)credential["proof"]![0]!.DeepClone();
        garbage["proofValue"] = "z" + MicroCredentials.Codecs.Base58Btc.Encode(Enumerable.Repeat((byte)7, 64).ToArray());
        credential["proof"]!.AsArray().Add(garbage);
        credential["proof"]!.AsArray().Add(new JsonObject { ["type"] = 5, ["cryptosuite"] = new JsonArray() });

        var report = await setup.Verifier.VerifyJsonAsync(credential, setup.Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Valid));
        Assert.That(report.Proofs.Select(p => (p.Index, p.Outcome, p.Reason, p.Accepted)), Is.EqualTo(new[]
        {
            (0, CheckOutcome.Pass, VerificationReasons.Ok, true),
            (1, CheckOutcome.Fail, VerificationReasons.SignatureInvalid, false),
            (2, CheckOutcome.Fail, VerificationReasons.ProofUnsupported, false),
        }));
        var extra = report.Checks.Where(c => c.Id == CheckId.AdditionalProof).ToList();
        Assert.That(extra.Select(c => c.Outcome), Is.EqualTo(new[] { CheckOutcome.Fail, CheckOutcome.Fail }));
        Assert.That(extra[0].Detail, Does.StartWith("Proof 2 of 3").And.Contain(setup.Keys.VerificationMethodId));
    }

    [Test]
    public async Task Verify_ValidProofPlusWrongPurposeProof_IsValidAndListsItAsNotCounted()
    {
        var unsigned = VerifierSetup.Unsigned();
        var credential = setup.Sign(unsigned);
        credential["proof"]!.AsArray().Add(VerifierSetup.ProofOver(unsigned, setup.Keys.Ed25519Key, setup.Keys.VerificationMethodId, "authentication"));

        var report = await setup.Verifier.VerifyJsonAsync(credential, setup.Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Valid));
        var second = report.Proofs[1];
        Assert.That((second.ProofPurpose, second.Outcome, second.Reason, second.Accepted),
            Is.EqualTo(("authentication", CheckOutcome.Skipped, VerificationReasons.WrongPurpose, false)));
        Assert.That(report.Checks.Single(c => c.Id == CheckId.AdditionalProof).Detail, Does.Contain("'authentication'").And.Contain("does not count"));
    }

    [Test]
    public async Task Verify_OnlyAWrongPurposeProof_IsNotGenuine()
    {
        var unsigned = VerifierSetup.Unsigned();
        var credential = (JsonObject)unsigned.DeepClone();
        credential["proof"] = new JsonArray(VerifierSetup.ProofOver(unsigned, setup.Keys.Ed25519Key, setup.Keys.VerificationMethodId, "authentication"));

        var report = await setup.Verifier.VerifyJsonAsync(credential, setup.Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.NotGenuine));
        Assert.That(report.Checks.Single(c => c.Id == CheckId.Proof).Reason, Is.EqualTo(VerificationReasons.WrongPurpose));
        Assert.That(report.Proofs.Single().Accepted, Is.False);
    }

    [Test]
    public async Task Verify_ValidProofPlusCoSignatureByUnknownKey_IsValidAndListsTheCoSignatureAsNotChecked()
    {
        using var stranger = Key.Create(SignatureAlgorithm.Ed25519);
        var strangerVm = "did:web:partner.example#" + Multikey.EncodeEd25519PublicKey(stranger.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        var unsigned = VerifierSetup.Unsigned();
        var credential = setup.Sign(unsigned);
        credential["proof"]!.AsArray().Insert(0, VerifierSetup.ProofOver(unsigned, stranger, strangerVm, "assertionMethod"));

        var report = await setup.Verifier.VerifyJsonAsync(credential, setup.Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Valid));
        Assert.That(report.Proofs.Select(p => (p.VerificationMethod, p.Outcome, p.Reason, p.Accepted)), Is.EqualTo(new[]
        {
            (strangerVm, CheckOutcome.Warning, VerificationReasons.UnknownKey, false),
            (setup.Keys.VerificationMethodId, CheckOutcome.Pass, VerificationReasons.Ok, true),
        }));
        var extra = report.Checks.Single(c => c.Id == CheckId.AdditionalProof);
        Assert.That(extra.Detail, Does.Contain(strangerVm).And.Contain("not an endorsement"));
    }

    [Test]
    public async Task Verify_OnlyAnUnknownKeysProofAndAGarbageOne_IsNotGenuineAndListsBoth()
    {
        using var stranger = Key.Create(SignatureAlgorithm.Ed25519);
        var strangerVm = Samples.IssuerId + "#" + Multikey.EncodeEd25519PublicKey(stranger.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        var unsigned = VerifierSetup.Unsigned();
        var credential = (JsonObject)unsigned.DeepClone();
        credential["proof"] = new JsonArray(VerifierSetup.ProofOver(unsigned, stranger, strangerVm, "assertionMethod"), "garbage");

        var report = await setup.Verifier.VerifyJsonAsync(credential, setup.Lists, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.NotGenuine));
        Assert.That(report.Checks.Single(c => c.Id == CheckId.IssuerKey).Reason, Is.EqualTo(VerificationReasons.UnknownKey));
        Assert.That(report.Proofs.Select(p => p.Outcome), Is.EqualTo(new[] { CheckOutcome.Warning, CheckOutcome.Fail }));
        Assert.That(report.Checks.Single(c => c.Id == CheckId.AdditionalProof).Outcome, Is.EqualTo(CheckOutcome.Fail));
    }

    [Test]
    public async Task Verify_ProofsAtTheBound_AreChecked_OnePast_IsUnreadable()
    {
        var credential = setup.Sign(VerifierSetup.Unsigned());
        var proofs = credential["proof"]!.AsArray();
        while (proofs.Count < CoreLimits.MaxProofsPerCredential)
        {
            proofs.Add(new JsonObject { ["type"] = "DataIntegrityProof", ["cryptosuite"] = "unknown-2099" });
        }

        var atBound = await setup.Verifier.VerifyJsonAsync(credential, setup.Lists, CancellationToken.None);
        proofs.Add(new JsonObject { ["type"] = "DataIntegrityProof" });
        var past = await setup.Verifier.VerifyJsonAsync(credential, setup.Lists, CancellationToken.None);

        Assert.That(atBound.Verdict, Is.EqualTo(Verdict.Valid));
        Assert.That(atBound.Proofs, Has.Count.EqualTo(CoreLimits.MaxProofsPerCredential));
        Assert.That(past.Verdict, Is.EqualTo(Verdict.Unreadable));
        Assert.That(past.Checks.Single().Detail, Does.Contain("more than " + CoreLimits.MaxProofsPerCredential + " proofs"));
    }

    [Test]
    public async Task Verify_Jwt_ListsItsSignatureAsTheOneProof()
    {
        var jwt = MicroCredentials.Jwt.VcJwtSigner.Sign(setup.Sign(VerifierSetup.Unsigned()), setup.Keys.Es256);

        var report = await setup.Verifier.VerifyTextAsync(jwt, setup.Lists, CancellationToken.None);

        var proof = report.Proofs.Single();
        Assert.That((proof.Type, proof.Cryptosuite, proof.VerificationMethod, proof.Outcome, proof.Accepted),
            Is.EqualTo(("JWS", "ES256", setup.Keys.Es256.KeyId, CheckOutcome.Pass, true)));
    }

    [Test]
    public void DataIntegrityVerifyEach_ProofSet_OneResultPerProofWhateverItsPurpose()
    {
        var unsigned = VerifierSetup.Unsigned();
        var credential = setup.Sign(unsigned);
        credential["proof"]!.AsArray().Add(VerifierSetup.ProofOver(unsigned, setup.Keys.Ed25519Key, setup.Keys.VerificationMethodId, "authentication"));
        credential["proof"]!.AsArray().Add(5);

        var results = DataIntegrityVerifier.VerifyEach(credential, setup.Keys.DataIntegrityKeyResolver);

        Assert.That(results.Select(r => (r.Failure, r.Proof?.ProofPurpose)), Is.EqualTo(new (DataIntegrityFailure?, string?)[]
        {
            (null, "assertionMethod"), (null, "authentication"), (DataIntegrityFailure.MalformedProof, null),
        }));
        Assert.That(DataIntegrityVerifier.Verify(credential, setup.Keys.DataIntegrityKeyResolver, expectedProofPurpose: "authentication").IsValid, Is.True);
    }

    [Test]
    public void DataIntegrityVerifyEach_CancelledToken_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(() => DataIntegrityVerifier.VerifyEach(setup.Sign(VerifierSetup.Unsigned()), setup.Keys.DataIntegrityKeyResolver, cancellationToken: cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }
}
