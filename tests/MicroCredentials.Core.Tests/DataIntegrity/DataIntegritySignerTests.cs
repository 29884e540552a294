using System.Text.Json.Nodes;
using MicroCredentials.DataIntegrity;
using MicroCredentials.JsonLd;
using MicroCredentials.Model;

namespace MicroCredentials.Core.Tests.DataIntegrity;

public sealed class DataIntegritySignerTests
{
    [TestCase(EddsaRdfc2022.Name)]
    [TestCase(EddsaJcs2022.Name)]
    public void Sign_RichCredential_AddsOneProofInAnArrayThatVerifies(string cryptosuite)
    {
        var signed = RichCredential.Signed(cryptosuite);

        var proofs = signed["proof"] as JsonArray;
        Assert.That(proofs, Has.Count.EqualTo(1));
        Assert.That((string?)proofs![0]!["cryptosuite"], Is.EqualTo(cryptosuite));
        Assert.That((string?)proofs[0]!["proofPurpose"], Is.EqualTo("assertionMethod"));
        Assert.That((string?)proofs[0]!["created"], Is.EqualTo("2026-02-10T09:30:15Z"));
        Assert.That((string?)proofs[0]!["verificationMethod"], Is.EqualTo(RichCredential.VerificationMethod));
        Assert.That(DataIntegrityVerifier.Verify(signed, RichCredential.Resolve).Failure, Is.Null);
    }

    [Test]
    public void Sign_RichCredential_DoesNotModifyTheInput()
    {
        var unsigned = RichCredential.Unsigned();
        var before = unsigned.ToJsonString();
        using var key = RichCredential.Key();

        DataIntegritySigner.Sign(unsigned, key, RichCredential.VerificationMethod, RichCredential.Created);

        Assert.That(unsigned.ToJsonString(), Is.EqualTo(before));
    }

    [Test]
    public void Sign_UndefinedTerm_FailsWithItsPath()
    {
        var unsigned = RichCredential.Unsigned();
        unsigned["credentialSubject"]!["favouriteColour"] = "blue";
        using var key = RichCredential.Key();

        Assert.That(
            () => DataIntegritySigner.Sign(unsigned, key, RichCredential.VerificationMethod, RichCredential.Created),
            Throws.ArgumentException.With.Message.Contains("favouriteColour")
                .And.InnerException.TypeOf<JsonLdException>());
    }

    [Test]
    public void Sign_SchemaTypeWithoutExtensionsContext_FailsInSafeMode()
    {
        // STANDARDS §10.3: 1EdTechJsonSchemaValidator2019 is defined only by the OB extensions context.
        var unsigned = RichCredential.Unsigned();
        var contexts = unsigned["@context"]!.AsArray();
        contexts.Remove(contexts.Single(c => (string?)c == Ob3Terms.ObExtensionsContext));
        using var key = RichCredential.Key();

        Assert.That(
            () => DataIntegritySigner.Sign(unsigned, key, RichCredential.VerificationMethod, RichCredential.Created),
            Throws.ArgumentException.With.Message.Contains("1EdTechJsonSchemaValidator2019"));
    }

    [Test]
    public void Sign_UnknownCryptosuite_Throws()
    {
        using var key = RichCredential.Key();

        Assert.That(
            () => DataIntegritySigner.Sign(RichCredential.Unsigned(), key, RichCredential.VerificationMethod, RichCredential.Created, "ecdsa-rdfc-2019"),
            Throws.ArgumentException);
    }

    [Test]
    public void Sign_AlreadySignedDocument_Throws()
    {
        using var key = RichCredential.Key();

        Assert.That(
            () => DataIntegritySigner.Sign(RichCredential.Signed(), key, RichCredential.VerificationMethod, RichCredential.Created),
            Throws.ArgumentException);
    }

    [Test]
    public void Sign_SameInputTwice_IsDeterministic()
    {
        var unsigned = RichCredential.Unsigned();
        using var key = RichCredential.Key();

        var first = DataIntegritySigner.Sign(unsigned, key, RichCredential.VerificationMethod, RichCredential.Created);
        var second = DataIntegritySigner.Sign(unsigned, key, RichCredential.VerificationMethod, RichCredential.Created);

        Assert.That(second.ToJsonString(), Is.EqualTo(first.ToJsonString()));
    }
}
