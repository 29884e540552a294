using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.Jwt;
using MicroCredentials.Keys;
using NSec.Cryptography;

namespace MicroCredentials.Core.Tests.Keys;

public sealed partial class IssuerKeySetTests
{
    private DirectoryInfo temp = null!;

    [SetUp]
    public void CreateTempDirectory() => temp = Directory.CreateTempSubdirectory("mc-keys-");

    [TearDown]
    public void DeleteTempDirectory() => temp.Delete(recursive: true);

    [Test]
    public void Load_DefaultOptions_LoadsDemoKeysWithDesignIds()
    {
        using var keys = TestKeys.LoadDemo();

        Assert.That(keys.IssuerId, Is.EqualTo(TestKeys.IssuerId));
        Assert.That(keys.Ed25519PublicKeyMultibase, Does.StartWith("z6Mk"));
        Assert.That(keys.VerificationMethodId, Is.EqualTo(TestKeys.IssuerId + "#" + keys.Ed25519PublicKeyMultibase));
        Assert.That(keys.Es256.KeyId, Is.EqualTo(TestKeys.IssuerId + "#" + keys.Es256.PublicKey.Thumbprint));
        Assert.That(keys.Rs256.KeyId, Is.EqualTo(TestKeys.IssuerId + "#" + keys.Rs256.PublicKey.Thumbprint));
        Assert.That(keys.Es256.Algorithm, Is.EqualTo("ES256"));
        Assert.That(keys.Rs256.Algorithm, Is.EqualTo("RS256"));
        Assert.That(keys.Es256.SigningCredentials.Key.KeyId, Is.EqualTo(keys.Es256.KeyId));
        Assert.That(keys.SealCertificate!.HasPrivateKey, Is.True);
    }

    [Test]
    public void Load_DemoKeys_IsDemoNamesEveryKey()
    {
        Assert.That(TestKeys.Demo.IsDemo, Is.True);
        Assert.That(TestKeys.Demo.DemoKeys, Is.EquivalentTo(new[] { "Ed25519 signing key", "ES256 signing key", "RS256 signing key", "PDF seal certificate" }));
    }

    [Test]
    public void DemoKeyConstants_MatchTheFilesInKeysExample()
    {
        // Computed straight from the files, without the loader under test.
        var dir = TestKeys.DemoDirectory;
        var pem = PemEncoding.Find(File.ReadAllText(Path.Combine(dir, "ed25519.pem")));
        var der = Convert.FromBase64String(File.ReadAllText(Path.Combine(dir, "ed25519.pem"))[pem.Base64Data]);
        using var ed = Key.Import(SignatureAlgorithm.Ed25519, der, KeyBlobFormat.PkixPrivateKey);
        using var ec = ECDsa.Create();
        ec.ImportFromPem(File.ReadAllText(Path.Combine(dir, "es256.pem")));
        using var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(Path.Combine(dir, "rs256.pem")));
        using var cert = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(dir, "seal-cert.pem"));

        Assert.That(DemoKeys.Ed25519PublicKeyMultibase, Is.EqualTo(Multikey.EncodeEd25519PublicKey(ed.PublicKey.Export(KeyBlobFormat.RawPublicKey))));
        Assert.That(DemoKeys.Es256Thumbprint, Is.EqualTo(JwtPublicKey.FromECDsa(ec, "did:web:x").Thumbprint));
        Assert.That(DemoKeys.Rs256Thumbprint, Is.EqualTo(JwtPublicKey.FromRsa(rsa, "did:web:x").Thumbprint));
        Assert.That(DemoKeys.SealCertificateSha256, Is.EqualTo(cert.GetCertHashString(HashAlgorithmName.SHA256)));
    }

    [Test]
    public void Load_RelativePaths_ResolveAgainstBaseDirectory()
    {
        File.Copy(Path.Combine(TestKeys.DemoDirectory, "es256.pem"), Path.Combine(temp.FullName, "mine.pem"));
        var options = DemoOptions();
        options.Es256KeyPath = "mine.pem";

        using var keys = IssuerKeySet.Load(options, TestKeys.IssuerId, temp.FullName);

        Assert.That(keys.Es256.KeyId, Is.EqualTo(TestKeys.Demo.Es256.KeyId));
    }

    [Test]
    public void DataIntegrityKeyResolver_AcceptsExactlyTheIssuersVerificationMethods()
    {
        var keys = TestKeys.Demo;
        var resolve = keys.DataIntegrityKeyResolver;

        Assert.That(resolve(keys.VerificationMethodId), Has.Length.EqualTo(32));
        Assert.That(Multikey.EncodeEd25519PublicKey(resolve(keys.VerificationMethodId)), Is.EqualTo(keys.Ed25519PublicKeyMultibase));
        Assert.That(resolve("did:web:evil.example#" + keys.Ed25519PublicKeyMultibase), Is.Null);
        Assert.That(resolve("did:key:" + keys.Ed25519PublicKeyMultibase + "#" + keys.Ed25519PublicKeyMultibase), Is.Null);
        Assert.That(resolve(keys.IssuerId + "#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"), Is.Null);
        Assert.That(resolve(keys.IssuerId), Is.Null);
    }

    [Test]
    public void Load_RetiredKeys_ArePublishedAndResolvable()
    {
        // Retired keys may be given as public PEM, JWK or Multikey text.
        using var oldEd = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        File.WriteAllBytes(Path.Combine(temp.FullName, "old-ed.pem"), oldEd.PublicKey.Export(KeyBlobFormat.PkixPublicKeyText));
        const string OldMultibase = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";
        File.WriteAllText(Path.Combine(temp.FullName, "old-ed2.txt"), OldMultibase + "\n");
        using var oldEc = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(Path.Combine(temp.FullName, "old-ec.pem"), oldEc.ExportSubjectPublicKeyInfoPem());
        using var oldRsa = RSA.Create(2048);
        var oldRsaJwk = JwtPublicKey.FromRsa(oldRsa, "did:web:ignored").ToJwk();
        File.WriteAllText(Path.Combine(temp.FullName, "old-rsa.jwk"), oldRsaJwk.ToJsonString());
        var options = DemoOptions();
        options.RetiredEd25519KeyPaths = [Path.Combine(temp.FullName, "old-ed.pem"), Path.Combine(temp.FullName, "old-ed2.txt")];
        options.RetiredJwtKeyPaths = [Path.Combine(temp.FullName, "old-ec.pem"), Path.Combine(temp.FullName, "old-rsa.jwk")];

        using var keys = IssuerKeySet.Load(options, TestKeys.IssuerId, RepositoryPaths.Root);

        var oldEdMultibase = Multikey.EncodeEd25519PublicKey(oldEd.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        Assert.That(keys.Ed25519PublicKeysMultibase, Is.EqualTo(new[] { keys.Ed25519PublicKeyMultibase, oldEdMultibase, OldMultibase }));
        Assert.That(keys.DataIntegrityKeyResolver(TestKeys.IssuerId + "#" + OldMultibase), Is.Not.Null);
        Assert.That(keys.JwtPublicKeys, Has.Count.EqualTo(4));
        var oldEcKid = JwtPublicKey.FromECDsa(oldEc, TestKeys.IssuerId).KeyId;
        Assert.That(keys.JwtKeyResolver.FindByKeyId(oldEcKid), Is.Not.Null);
        Assert.That(keys.JwtPublicKeys[3].KeyId, Does.StartWith(TestKeys.IssuerId + "#"));
        Assert.That(JwksBuilder.Build(keys)["keys"]!.AsArray(), Has.Count.EqualTo(4));
        Assert.That(DidDocumentBuilder.Build(keys)["assertionMethod"]!.AsArray(), Has.Count.EqualTo(7));
    }

    [Test]
    public void Load_RetiredDemoKey_CountsAsDemo()
    {
        var options = GeneratedOptions();
        options.RetiredJwtKeyPaths = [Path.Combine(TestKeys.DemoDirectory, "es256.pem")];

        using var keys = IssuerKeySet.Load(options, TestKeys.IssuerId);

        Assert.That(keys.IsDemo, Is.True);
        Assert.That(keys.DemoKeys, Has.Count.EqualTo(1).And.Some.StartsWith("retired JWT key"));
    }

    [Test]
    public void GetJwtSigningKey_UnknownAlgorithm_Throws()
    {
        Assert.That(() => TestKeys.Demo.GetJwtSigningKey("HS256"), Throws.ArgumentException);
    }

    private static IssuerKeyOptions DemoOptions() => new()
    {
        Ed25519KeyPath = Path.Combine(TestKeys.DemoDirectory, "ed25519.pem"),
        Es256KeyPath = Path.Combine(TestKeys.DemoDirectory, "es256.pem"),
        Rs256KeyPath = Path.Combine(TestKeys.DemoDirectory, "rs256.pem"),
        SealPkcs12Path = Path.Combine(TestKeys.DemoDirectory, "seal.p12"),
        SealPassword = "demo",
    };

    // Fresh, non-demo signing keys and no seal (the seal's RSA-3072 generation is slow; KeyGeneratorTests covers it).
    private IssuerKeyOptions GeneratedOptions()
    {
        using var ed = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var rsa = RSA.Create(2048);
        return new IssuerKeyOptions
        {
            Ed25519KeyPath = Write("fresh-ed.pem", System.Text.Encoding.ASCII.GetString(ed.Export(KeyBlobFormat.PkixPrivateKeyText))),
            Es256KeyPath = Write("fresh-ec.pem", ec.ExportPkcs8PrivateKeyPem()),
            Rs256KeyPath = Write("fresh-rsa.pem", rsa.ExportPkcs8PrivateKeyPem()),
            SealPkcs12Path = null,
        };
    }
}
