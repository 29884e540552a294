using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Keys;

namespace MicroCredentials.Core.Tests.DataIntegrity;

/// <summary>
/// Our canonicalization, signatures and verification against the JavaScript reference stack (jsonld, rdf-canonize,
/// @digitalbazaar/vc + data-integrity + eddsa-rdfc-2022-cryptosuite), all offline (tests/interop/di-*.mjs).
/// </summary>
public sealed class DataIntegrityInteropTests
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("mc-di-interop-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Canonicalize_RichCredential_EqualsJsonldWithRdfCanonize()
    {
        var unsigned = InteropCredential();

        var (code, output, error) = NodeInterop.Run("di-canonize.mjs", Write("unsigned.json", unsigned));

        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.Contain("_:c14n0"));
        Assert.That(EddsaRdfc2022.Canonicalize(unsigned), Is.EqualTo(output));
    }

    [Test]
    public void Sign_RichCredential_VerifiesWithDigitalBazaar()
    {
        using var key = RichCredential.Key();
        var signed = DataIntegritySigner.Sign(InteropCredential(), key, RichCredential.VerificationMethod, RichCredential.Created);

        var (code, output, error) = NodeInterop.Run("di-verify.mjs", Write("signed.json", signed), PublicKeyMultibase, RichCredential.VerificationMethod);

        Assert.That(output + error, Does.Contain("\"verified\":true"));
        Assert.That(code, Is.Zero);
    }

    [Test]
    public void Sign_RichCredentialTamperedAfterSigning_IsRejectedByDigitalBazaar()
    {
        using var key = RichCredential.Key();
        var signed = DataIntegritySigner.Sign(InteropCredential(), key, RichCredential.VerificationMethod, RichCredential.Created);
        signed["credentialSubject"]!["achievement"]!["ectsCredits"] = 60;

        var (code, output, _) = NodeInterop.Run("di-verify.mjs", Write("signed.json", signed), PublicKeyMultibase, RichCredential.VerificationMethod);

        Assert.That(output, Does.Contain("\"verified\":false"));
        Assert.That(code, Is.Not.Zero);
    }

    [Test]
    public void Verify_RichCredentialSignedByDigitalBazaar_IsValid()
    {
        var (code, output, error) = NodeInterop.Run(
            "di-sign.mjs", Write("unsigned.json", InteropCredential()), SecretKeyMultibase, PublicKeyMultibase,
            RichCredential.VerificationMethod, "2026-02-10T09:30:15Z");
        Assert.That(code, Is.Zero, error);
        var signed = JsonNode.Parse(output)!.AsObject();

        var result = DataIntegrityVerifier.Verify(signed, RichCredential.Resolve);

        Assert.That(result.Failure, Is.Null, result.Detail);
        Assert.That(result.Proof!.Cryptosuite, Is.EqualTo(EddsaRdfc2022.Name));
    }

    [Test]
    public void Verify_CredentialSignedByDigitalBazaarThenTampered_ReturnsSignatureInvalid()
    {
        var (code, output, error) = NodeInterop.Run(
            "di-sign.mjs", Write("unsigned.json", InteropCredential()), SecretKeyMultibase, PublicKeyMultibase,
            RichCredential.VerificationMethod, "2026-02-10T09:30:15Z");
        Assert.That(code, Is.Zero, error);
        var signed = JsonNode.Parse(output)!.AsObject();
        signed["validFrom"] = "2026-02-11T09:30:15Z";

        Assert.That(DataIntegrityVerifier.Verify(signed, RichCredential.Resolve).Failure, Is.EqualTo(DataIntegrityFailure.SignatureInvalid));
    }

    private static string PublicKeyMultibase => Multikey.EncodeEd25519PublicKey(RichCredential.PublicKey());

    private static string SecretKeyMultibase => Multikey.EncodeEd25519SecretKey(SHA256.HashData("microcredentials test key"u8));

    /// <summary>The rich sample credential plus a Bitstring Status List entry.</summary>
    private static JsonObject InteropCredential()
    {
        var credential = RichCredential.Unsigned();
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

    private string Write(string name, JsonObject document)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }
}
