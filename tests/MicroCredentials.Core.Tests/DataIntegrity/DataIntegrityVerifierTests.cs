using System.Text.Json.Nodes;
using MicroCredentials.DataIntegrity;

namespace MicroCredentials.Core.Tests.DataIntegrity;

public sealed class DataIntegrityVerifierTests
{
    private static IEnumerable<TestCaseData> Tamperings()
    {
        yield return Case("name", d => d["name"] = (string)d["name"]! + ".");
        yield return Case("achievement ECTS", d => d["credentialSubject"]!["achievement"]!["ectsCredits"] = 99);
        yield return Case("achievement name", d => d["credentialSubject"]!["achievement"]!["name"] = "Something else");
        yield return Case("learning outcome", d => d["credentialSubject"]!["achievement"]!["learningOutcome"]!["en"]!.AsArray()[0] = "Forged outcome");
        yield return Case("issuer id", d => d["issuer"]!["id"] = "did:web:forger.example");
        yield return Case("validFrom", d => d["validFrom"] = "2020-01-01T00:00:00Z");
        yield return Case("identity hash", d => d["credentialSubject"]!["identifier"]![0]!["identityHash"] = "sha256$00");
        yield return Case("proof created", d => d["proof"]![0]!["created"] = "2026-02-10T09:30:16Z");
        yield return Case("proof verification method", d => d["proof"]![0]!["verificationMethod"] = RichCredential.VerificationMethod + "x");

        static TestCaseData Case(string name, Action<JsonObject> tamper) => new TestCaseData(tamper).SetName($"Verify_Tampered {name}_ReturnsSignatureInvalid");
    }

    [TestCaseSource(nameof(Tamperings))]
    public void Verify_TamperedCredential_ReturnsSignatureInvalid(Action<JsonObject> tamper)
    {
        var signed = RichCredential.Signed();
        tamper(signed);

        var result = DataIntegrityVerifier.Verify(signed, vm => vm.StartsWith(RichCredential.VerificationMethod, StringComparison.Ordinal) ? RichCredential.PublicKey() : null);

        Assert.That(result.Failure, Is.EqualTo(DataIntegrityFailure.SignatureInvalid), result.Detail);
    }

    [Test]
    public void Verify_NoProof_ReturnsNoProof() =>
        Assert.That(DataIntegrityVerifier.Verify(RichCredential.Unsigned(), RichCredential.Resolve).Failure, Is.EqualTo(DataIntegrityFailure.NoProof));

    [Test]
    public void Verify_ProofAsSingleObject_IsValid()
    {
        var signed = RichCredential.Signed();
        signed["proof"] = signed["proof"]![0]!.DeepClone();

        Assert.That(DataIntegrityVerifier.Verify(signed, RichCredential.Resolve).IsValid, Is.True);
    }

    [Test]
    public void Verify_OneBadAndOneGoodProof_IsValid()
    {
        var signed = RichCredential.Signed();
        var bad = signed["proof"]![0]!.DeepClone();
        bad["proofPurpose"] = "authentication";
        signed["proof"]!.AsArray().Insert(0, bad);

        Assert.That(DataIntegrityVerifier.Verify(signed, RichCredential.Resolve).IsValid, Is.True);
    }

    [TestCase("proofValue", null, DataIntegrityFailure.MalformedProof, TestName = "Verify_MissingProofValue_ReturnsMalformedProof")]
    [TestCase("proofValue", "uAAAA", DataIntegrityFailure.MalformedProof, TestName = "Verify_ProofValueNotBase58btc_ReturnsMalformedProof")]
    [TestCase("created", "yesterday", DataIntegrityFailure.MalformedProof, TestName = "Verify_CreatedNotADateTime_ReturnsMalformedProof")]
    [TestCase("cryptosuite", "ecdsa-rdfc-2019", DataIntegrityFailure.UnsupportedCryptosuite, TestName = "Verify_OtherCryptosuite_ReturnsUnsupportedCryptosuite")]
    [TestCase("type", "Ed25519Signature2020", DataIntegrityFailure.UnsupportedCryptosuite, TestName = "Verify_LegacyProofType_ReturnsUnsupportedCryptosuite")]
    [TestCase("proofPurpose", "authentication", DataIntegrityFailure.WrongProofPurpose, TestName = "Verify_AuthenticationPurpose_ReturnsWrongProofPurpose")]
    [TestCase("verificationMethod", "did:web:other.example#key-1", DataIntegrityFailure.UnknownVerificationMethod, TestName = "Verify_UnknownVerificationMethod_ReturnsUnknownVerificationMethod")]
    public void Verify_ChangedProofMember_ReturnsFailure(string member, string? value, DataIntegrityFailure expected)
    {
        var signed = RichCredential.Signed();
        var proof = signed["proof"]![0]!.AsObject();
        if (value is null)
        {
            proof.Remove(member);
        }
        else
        {
            proof[member] = value;
        }

        Assert.That(DataIntegrityVerifier.Verify(signed, RichCredential.Resolve).Failure, Is.EqualTo(expected));
    }

    [Test]
    public void Verify_ProofNotAnObject_ReturnsMalformedProof()
    {
        var signed = RichCredential.Signed();
        signed["proof"] = "z123";

        Assert.That(DataIntegrityVerifier.Verify(signed, RichCredential.Resolve).Failure, Is.EqualTo(DataIntegrityFailure.MalformedProof));
    }

    [Test]
    public void Verify_ResolvedKeyOf31Bytes_ReturnsInvalidPublicKey() =>
        Assert.That(
            DataIntegrityVerifier.Verify(RichCredential.Signed(), _ => new byte[31]).Failure,
            Is.EqualTo(DataIntegrityFailure.InvalidPublicKey));

    [Test]
    public void Verify_OtherKey_ReturnsSignatureInvalid() =>
        Assert.That(
            DataIntegrityVerifier.Verify(RichCredential.Signed(), _ => TestVectors.W3cPublicKey()).Failure,
            Is.EqualTo(DataIntegrityFailure.SignatureInvalid));

    [Test]
    public void Verify_UndefinedTermAddedAfterSigning_ReturnsCanonicalizationFailedWithPath()
    {
        // Without safe mode the term would be dropped from the canonical form and the signature would still verify.
        var signed = RichCredential.Signed();
        signed["credentialSubject"]!["achievement"]!["grade"] = "A+";

        var result = DataIntegrityVerifier.Verify(signed, RichCredential.Resolve);

        Assert.That(result.Failure, Is.EqualTo(DataIntegrityFailure.CanonicalizationFailed));
        Assert.That(result.Detail, Does.Contain("grade"));
    }

    [Test]
    public void Verify_UnknownContext_ReturnsCanonicalizationFailed()
    {
        var signed = RichCredential.Signed();
        signed["@context"]!.AsArray().Add("https://attacker.example/context.jsonld");

        Assert.That(DataIntegrityVerifier.Verify(signed, RichCredential.Resolve).Failure, Is.EqualTo(DataIntegrityFailure.CanonicalizationFailed));
    }
}
