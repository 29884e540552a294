using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.Core.Tests.Verification;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Jwt;
using MicroCredentials.Keys;
using MicroCredentials.Keys.Pkcs11;
using MicroCredentials.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace MicroCredentials.Core.Tests.Keys;

/// <summary>
/// Keys in a real SoftHSM 2 token (the fixture's own): generated in the module, signing Data Integrity proofs and
/// VC-JWTs that our verifiers accept, private keys that cannot be read, rotation in the module, and start-up messages
/// that name the wrong setting.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class Pkcs11KeysTests
{
    private SoftHsmToken token = null!;
    private string folder = string.Empty;
    private FakeTimeProvider time = null!;

    private string generated = string.Empty;

    // One generation for the fixture (an RSA-3072 seal key takes a while in SoftHSM); each test works on a copy of its history.
    [OneTimeSetUp]
    public async Task CreateTokenAndKeys()
    {
        token = await SoftHsmToken.CreateAsync("core-tests");
        generated = Directory.CreateTempSubdirectory("microcred-hsm-generated-").FullName;
        ModuleKeyGenerator.Generate(token.Options, generated, "core", "CN=HSM test seal", new FakeTimeProvider(VerifierSetup.Issued));
    }

    [OneTimeTearDown]
    public void DeleteToken()
    {
        Directory.Delete(generated, recursive: true);
        token.Dispose();
    }

    [SetUp]
    public void SetUp()
    {
        folder = Directory.CreateTempSubdirectory("microcred-hsm-keys-").FullName;
        File.Copy(Path.Combine(generated, KeyHistory.FileName), Path.Combine(folder, KeyHistory.FileName));
        time = new FakeTimeProvider(VerifierSetup.Issued);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Load_GeneratedModuleKeys_SignProofsAndJwtsOurVerifiersAccept()
    {
        using var keys = Load();

        var signed = DataIntegritySigner.Sign(VerifierSetup.Unsigned(), keys.Ed25519Key, keys.VerificationMethodId, VerifierSetup.Issued);
        Assert.That(DataIntegrityVerifier.Verify(signed, keys.DataIntegrityKeyResolver).IsValid, Is.True, "Ed25519 proof signed with CKM_EDDSA");
        foreach (var algorithm in new[] { JwtClaims.ES256, JwtClaims.RS256 })
        {
            var jwt = VcJwtSigner.Sign(VerifierSetup.Unsigned(), keys.GetJwtSigningKey(algorithm));
            var result = VcJwtVerifier.Verify(jwt, keys.JwtKeyResolver, new FakeTimeProvider(VerifierSetup.Issued.AddDays(1)));
            Assert.That(result.IsValid, Is.True, $"{algorithm}: {result.Failure} {result.Detail}");
        }

        Assert.That(keys.SigningAt(time.GetUtcNow()).ModuleLabels, Is.Not.Null);
        Assert.That(SealKeys.CanSign(keys.SealCertificate), Is.True, "the seal certificate has its module key attached");
        Assert.That(keys.SealCertificate!.HasPrivateKey, Is.False, "no private key outside the module");
    }

    [Test]
    public void Seal_ModuleKey_SignsAHashTheCertificateVerifies()
    {
        using var keys = Load();
        var key = (RSA)SealKeys.PrivateKeyOf(keys.SealCertificate!)!;
        var hash = SHA256.HashData("sealed content"u8);

        var signature = key.SignHash(hash, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        using var certificateKey = keys.SealCertificate!.GetRSAPublicKey()!;
        Assert.That(certificateKey.KeySize, Is.EqualTo(3072));
        Assert.That(certificateKey.VerifyHash(hash, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), Is.True);
    }

    [Test]
    public void Generate_PrivateKeys_AreSensitiveAndNotExtractable()
    {
        var labels = KeyHistory.Read(Path.Combine(folder, KeyHistory.FileName)).Generations[0].ModuleKeys!;
        var factories = new Pkcs11InteropFactories();
        using var library = factories.Pkcs11LibraryFactory.LoadPkcs11Library(factories, SoftHsmToken.ModulePath, AppType.MultiThreaded);
        var slot = library.GetSlotList(SlotsType.WithTokenPresent).Single(s => s.GetTokenInfo().Label.Trim() == token.Label);
        using var session = slot.OpenSession(SessionType.ReadOnly);
        session.Login(CKU.CKU_USER, SoftHsmToken.Pin);
        foreach (var label in new[] { labels.Ed25519, labels.Es256, labels.Rs256, labels.Seal! })
        {
            var key = session.FindAllObjects(
            [
                factories.ObjectAttributeFactory.Create(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY), factories.ObjectAttributeFactory.Create(CKA.CKA_LABEL, label),
            ]).Single();
            var values = session.GetAttributeValue(key, [CKA.CKA_SENSITIVE, CKA.CKA_EXTRACTABLE, CKA.CKA_NEVER_EXTRACTABLE]);
            Assert.That(values.Select(v => v.GetValueAsBool()), Is.EqualTo(new[] { true, false, true }), label);
        }

        session.Logout();
    }

    [Test]
    public void Rotate_InModule_NewKeysSignAndTheRetiredOnesStayPublished()
    {
        using var before = Load();
        var oldProof = DataIntegritySigner.Sign(VerifierSetup.Unsigned(), before.Ed25519Key, before.VerificationMethodId, VerifierSetup.Issued);
        time.Advance(TimeSpan.FromMinutes(1));

        var rotation = ModuleKeyGenerator.Rotate(token.Options, folder, time.GetUtcNow(), "rotated", "CN=HSM test seal", time);
        before.Reload();

        Assert.That(before.History, Has.Count.EqualTo(2));
        Assert.That(rotation.Retired.ModuleKeys!.Ed25519, Is.Not.EqualTo(rotation.Current.ModuleKeys!.Ed25519), "new labels");
        Assert.That(before.Ed25519PublicKeyMultibase, Is.EqualTo(rotation.Current.Ed25519), "the reloaded set signs with the new key");
        Assert.That(before.Ed25519PublicKeysMultibase, Does.Contain(rotation.Retired.Ed25519));
        Assert.That(before.JwtPublicKeys, Has.Count.EqualTo(4));
        Assert.That(before.KeyValidity(before.IssuerId + "#" + rotation.Retired.Ed25519), Is.EqualTo(new KeyValidityWindow(null, rotation.Current.ValidFrom)));
        Assert.That(DataIntegrityVerifier.Verify(oldProof, before.DataIntegrityKeyResolver).IsValid, Is.True, "signed before the rotation");
        var newProof = DataIntegritySigner.Sign(VerifierSetup.Unsigned(), before.Ed25519Key, before.VerificationMethodId, time.GetUtcNow());
        Assert.That(DataIntegrityVerifier.Verify(newProof, before.DataIntegrityKeyResolver).IsValid, Is.True);
        Assert.That(File.ReadAllText(Path.Combine(folder, ModuleKeyGenerator.SealCertificateFileName)), Does.StartWith("-----BEGIN CERTIFICATE-----"));
    }

    [Test]
    public void Rotate_InTheSecondTheKeysWereMade_TakesTheNextFreeLabels()
    {
        // The fixture's generation was made at VerifierSetup.Issued with the prefix "core": a rotation from that very
        // second with the same prefix would reuse its labels (what failed when a script rotated straight after generating).
        var rotation = ModuleKeyGenerator.Rotate(token.Options, folder, time.GetUtcNow(), "core", "CN=HSM test seal", time);

        Assert.That(rotation.Retired.ModuleKeys!.Ed25519, Is.EqualTo("core-ed25519-" + KeyRotation.Stamp(VerifierSetup.Issued)));
        Assert.That(rotation.Current.ModuleKeys!.Ed25519, Is.EqualTo(rotation.Retired.ModuleKeys.Ed25519 + "-2"));
        Assert.That(rotation.Current.ModuleKeys.Seal, Is.EqualTo(rotation.Retired.ModuleKeys.Seal + "-2"));
        using var keys = Load();
        Assert.That(keys.Ed25519PublicKeyMultibase, Is.EqualTo(rotation.Current.Ed25519), "the new generation signs");
    }

    [Test]
    public void Load_WrongPin_NamesThePinSetting()
    {
        var options = token.Options;
        options.Pin = "0000-wrong";

        Assert.That(() => Load(options), Throws.TypeOf<KeyModuleException>().With.Message.Contains("Issuer:Pkcs11:Pin").And.Message.Not.Contains("0000-wrong"));
    }

    [TestCase("TokenLabel", TestName = "Load_UnknownToken_NamesTheTokenLabelSetting")]
    [TestCase("ModulePath", TestName = "Load_MissingLibrary_NamesTheModulePathSetting")]
    [TestCase("Ed25519Label", TestName = "Load_UnknownLabel_NamesTheLabelSetting")]
    public void Load_WrongSetting_NamesIt(string setting)
    {
        var options = token.Options;
        var keyOptions = new IssuerKeyOptions { Pkcs11 = options, KeyHistoryPath = Path.Combine(folder, KeyHistory.FileName) };
        switch (setting)
        {
            case "TokenLabel":
                options.TokenLabel = "no-such-token";
                break;
            case "ModulePath":
                options.ModulePath = "/usr/lib/no-such-pkcs11.so";
                break;
            default:
                // Without a history the configured labels are used.
                keyOptions.KeyHistoryPath = Path.Combine(folder, "none.json");
                options.Ed25519Label = "no-such-key";
                options.Es256Label = "no-such-key-2";
                options.Rs256Label = "no-such-key-3";
                break;
        }

        Assert.That(() => IssuerKeySet.Load(keyOptions, Samples.IssuerId, time: time),
            Throws.TypeOf<KeyModuleException>().With.Message.Contains("Issuer:Pkcs11:" + setting));
    }

    private IssuerKeySet Load(Pkcs11Options? options = null) =>
        IssuerKeySet.Load(new IssuerKeyOptions { Pkcs11 = options ?? token.Options, KeyHistoryPath = Path.Combine(folder, KeyHistory.FileName) },
            Samples.IssuerId, time: time);
}
