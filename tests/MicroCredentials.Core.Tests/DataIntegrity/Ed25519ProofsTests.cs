using System.Text;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Rdf;
using MicroCredentials.Rdf.Canonicalization;

namespace MicroCredentials.Core.Tests.DataIntegrity;

/// <summary>The vectors from their canonical texts: RDFC-1.0 reproduces them, hashes and signatures match byte for byte.</summary>
public sealed class Ed25519ProofsTests
{
    [TestCase("canonDocDataInt.txt", TestName = "W3C eddsa-rdfc-2022 document")]
    [TestCase("proofCanonDataInt.txt", TestName = "W3C eddsa-rdfc-2022 proof configuration")]
    public void Canonicalize_W3cCanonicalText_IsAFixedPoint(string file)
    {
        var text = TestVectors.W3c("eddsa-rdfc-2022", file);

        Assert.That(Rdfc10.Canonicalize(NQuads.Parse(text)), Is.EqualTo(text));
    }

    [TestCase("document-canon.nq", TestName = "OB 3.0 document")]
    [TestCase("proof-canon.nq", TestName = "OB 3.0 proof configuration")]
    public void Canonicalize_Ob3CanonicalText_IsAFixedPoint(string file)
    {
        var text = TestVectors.Ob3File(file);

        Assert.That(Rdfc10.Canonicalize(NQuads.Parse(text)), Is.EqualTo(text));
    }

    [TestCase("eddsa-rdfc-2022", "proofCanonDataInt.txt", "canonDocDataInt.txt", "DataInt", TestName = "W3C eddsa-rdfc-2022")]
    [TestCase("eddsa-jcs-2022", "proofCanonJCS.txt", "canonDocJCS.txt", "JCS", TestName = "W3C eddsa-jcs-2022")]
    public void Sign_W3cCanonicalTexts_ReproducesHashesAndProofValue(string suite, string proofFile, string docFile, string suffix)
    {
        var hashData = Ed25519Proofs.HashData(Utf8(TestVectors.W3c(suite, proofFile)), Utf8(TestVectors.W3c(suite, docFile)));

        Assert.That(Convert.ToHexStringLower(hashData), Is.EqualTo(TestVectors.W3c(suite, $"combinedHash{suffix}.txt").Trim()));
        Assert.That(Convert.ToHexStringLower(hashData[..32]), Is.EqualTo(TestVectors.W3c(suite, $"proofHash{suffix}.txt").Trim()));
        Assert.That(Convert.ToHexStringLower(hashData[32..]), Is.EqualTo(TestVectors.W3c(suite, $"docHash{suffix}.txt").Trim()));
        using var key = TestVectors.W3cKey();
        Assert.That(Ed25519Proofs.Sign(key, hashData), Is.EqualTo(TestVectors.W3c(suite, $"sigBTC58{suffix}.txt").Trim()));
    }

    [Test]
    public void Sign_Ob3CanonicalTexts_ReproducesHashesSignatureAndProofValue()
    {
        var vector = TestVectors.Ob3Vector();

        var hashData = Ed25519Proofs.HashData(Utf8(TestVectors.Ob3File("proof-canon.nq")), Utf8(TestVectors.Ob3File("document-canon.nq")));
        using var key = TestVectors.Ob3Key();
        var proofValue = Ed25519Proofs.Sign(key, hashData);

        Assert.That(Convert.ToHexStringLower(hashData), Is.EqualTo((string)vector["hashDataHex_proofHashThenDocHash"]!));
        Assert.That(proofValue, Is.EqualTo((string)vector["proofValue"]!));
        Assert.That(Ed25519Proofs.TryDecodeProofValue(proofValue, out var signature), Is.True);
        Assert.That(Convert.ToHexStringLower(signature), Is.EqualTo((string)vector["signatureHex"]!));
    }

    [Test]
    public void Verify_Ob3CanonicalTexts_AcceptsPublishedSignatureAndRejectsOneChangedByte()
    {
        var vector = TestVectors.Ob3Vector();
        var document = TestVectors.Ob3File("document-canon.nq");
        Assert.That(Ed25519Proofs.TryImportPublicKey(TestVectors.Ob3PublicKey(), out var publicKey), Is.True);
        Assert.That(Ed25519Proofs.TryDecodeProofValue((string)vector["proofValue"]!, out var signature), Is.True);
        var proof = Utf8(TestVectors.Ob3File("proof-canon.nq"));

        var valid = Ed25519Proofs.Verify(publicKey!, Ed25519Proofs.HashData(proof, Utf8(document)), signature);
        var tampered = Ed25519Proofs.Verify(
            publicKey!, Ed25519Proofs.HashData(proof, Utf8(document.Replace("Teamwork Badge", "Teamwork Badgf", StringComparison.Ordinal))), signature);

        Assert.That(valid, Is.True);
        Assert.That(tampered, Is.False);
    }

    [TestCase("", TestName = "Empty")]
    [TestCase("u2YwC8z3", TestName = "Not base58btc multibase")]
    [TestCase("z2YwC8z3", TestName = "Too short")]
    [TestCase("z0OIl", TestName = "Outside the alphabet")]
    public void TryDecodeProofValue_NotA64ByteSignature_ReturnsFalse(string value) =>
        Assert.That(Ed25519Proofs.TryDecodeProofValue(value, out _), Is.False);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
