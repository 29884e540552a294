using System.Runtime.Versioning;
using System.Security.Cryptography.X509Certificates;
using MicroCredentials.Jwt;
using MicroCredentials.Keys;
using Microsoft.Extensions.Time.Testing;

namespace MicroCredentials.Core.Tests.Keys;

public sealed class KeyGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
    private DirectoryInfo temp = null!;
    private DirectoryInfo sharedDirectory = null!;
    private GeneratedKeyFiles shared = null!;

    // One generation serves the read-only tests: the seal's RSA-3072 key takes seconds to make.
    [OneTimeSetUp]
    public void GenerateShared()
    {
        sharedDirectory = Directory.CreateTempSubdirectory("mc-gen-shared-");
        shared = KeyGenerator.Generate(Path.Combine(sharedDirectory.FullName, "keys"),
            new KeyGenerationOptions { SealSubject = "CN=Test seal, O=Nova" }, new FakeTimeProvider(Now));
    }

    [OneTimeTearDown]
    public void DeleteShared() => sharedDirectory.Delete(recursive: true);

    [SetUp]
    public void CreateTempDirectory() => temp = Directory.CreateTempSubdirectory("mc-gen-");

    [TearDown]
    public void DeleteTempDirectory() => temp.Delete(recursive: true);

    [Test]
    public void Generate_Output_LoadsBackAsNonDemoKeySet()
    {
        using var keys = IssuerKeySet.Load(shared.ToOptions(), TestKeys.IssuerId);

        Assert.That(keys.IsDemo, Is.False);
        Assert.That(keys.DemoKeys, Is.Empty);
        Assert.That(keys.Rs256.PublicKey.ToJwk()["n"]!.GetValue<string>().Length, Is.EqualTo(342), "RSA-2048 modulus in base64url");
        var jwt = VcJwtSigner.Sign(TestKeys.Credential(), keys.Es256);
        Assert.That(VcJwtVerifier.Verify(jwt, keys.JwtKeyResolver, new FakeTimeProvider(Now)).IsValid, Is.True);
    }

    [Test]
    public void ForDirectory_GeneratedFolder_LoadsSameKeys()
    {
        using var viaFiles = IssuerKeySet.Load(shared.ToOptions(), TestKeys.IssuerId);

        using var viaFolder = IssuerKeySet.Load(IssuerKeyOptions.ForDirectory("keys", shared.SealPassword), TestKeys.IssuerId, sharedDirectory.FullName);

        Assert.That(viaFolder.VerificationMethodId, Is.EqualTo(viaFiles.VerificationMethodId));
        Assert.That(viaFolder.JwtPublicKeys.Select(k => k.KeyId), Is.EqualTo(viaFiles.JwtPublicKeys.Select(k => k.KeyId)));
        Assert.That(viaFolder.SealCertificate!.Thumbprint, Is.EqualTo(viaFiles.SealCertificate!.Thumbprint));
    }

    [Test]
    public void ForDirectory_KeysExampleWithDemoPassword_EqualsDefaults()
    {
        var folder = IssuerKeyOptions.ForDirectory("keys.example", "demo");
        var defaults = new IssuerKeyOptions();

        Assert.That(new[] { folder.Ed25519KeyPath, folder.Es256KeyPath, folder.Rs256KeyPath, folder.SealPkcs12Path, folder.SealPassword },
            Is.EqualTo(new[] { defaults.Ed25519KeyPath, defaults.Es256KeyPath, defaults.Rs256KeyPath, defaults.SealPkcs12Path, defaults.SealPassword }));
    }

    [Test]
    public void Generate_FileNames_AreTheDocumentedOnes()
    {
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(shared.Ed25519KeyPath)!).Select(Path.GetFileName),
            Is.EquivalentTo(KeyGenerator.FileNames.Concat([WalletCertificates.CaCertificateFileName, WalletCertificates.CaKeyFileName])),
            "the keys, and the wallet CA that a rotation keeps");
    }

    [Test]
    public void Generate_Seal_IsSelfSignedRsa3072ForTenYearsWithSealKeyUsage()
    {
        using var seal = X509CertificateLoader.LoadPkcs12FromFile(shared.SealPkcs12Path, shared.SealPassword);
        using var publicCert = X509CertificateLoader.LoadCertificateFromFile(shared.SealCertificatePath);

        Assert.That(seal.HasPrivateKey, Is.True);
        Assert.That(seal.Thumbprint, Is.EqualTo(publicCert.Thumbprint));
        Assert.That(seal.Subject, Is.EqualTo("CN=Test seal, O=Nova"));
        Assert.That(seal.Issuer, Is.EqualTo(seal.Subject));
        Assert.That(seal.GetRSAPublicKey()!.KeySize, Is.EqualTo(3072));
        Assert.That(seal.NotAfter.ToUniversalTime(), Is.EqualTo(Now.AddYears(10).UtcDateTime));
        var usage = seal.Extensions.OfType<X509KeyUsageExtension>().Single();
        Assert.That(usage.KeyUsages, Is.EqualTo(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation));
        Assert.That(usage.Critical, Is.True);
    }

    [Test]
    public void Generate_NoPassword_GeneratesOneThatOpensThePkcs12()
    {
        Assert.That(shared.SealPasswordGenerated, Is.True);
        Assert.That(shared.SealPassword, Has.Length.GreaterThanOrEqualTo(20));
        Assert.That(() => X509CertificateLoader.LoadPkcs12FromFile(shared.SealPkcs12Path, "wrong"), Throws.InstanceOf<System.Security.Cryptography.CryptographicException>());
    }

    [Test]
    [UnsupportedOSPlatform("windows")]
    public void Generate_PrivateKeyFiles_AreOwnerOnly()
    {
        foreach (var path in new[] { shared.Ed25519KeyPath, shared.Es256KeyPath, shared.Rs256KeyPath, shared.SealPkcs12Path })
        {
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), path);
        }
    }

    [Test]
    public void Generate_ExistingFiles_RefusesAndWritesNothing()
    {
        var before = File.ReadAllText(shared.Es256KeyPath);

        Assert.That(() => KeyGenerator.Generate(Path.GetDirectoryName(shared.Es256KeyPath)!, new KeyGenerationOptions { SealPassword = "x" }),
            Throws.InvalidOperationException.With.Message.Contains("Refusing to overwrite"));
        Assert.That(File.ReadAllText(shared.Es256KeyPath), Is.EqualTo(before));
    }

    [Test]
    public void Generate_OneExistingFile_RefusesAndCreatesNoOther()
    {
        File.WriteAllText(Path.Combine(temp.FullName, "seal.p12"), "keep me");

        Assert.That(() => KeyGenerator.Generate(temp.FullName), Throws.InvalidOperationException);
        Assert.That(Directory.GetFiles(temp.FullName).Select(Path.GetFileName), Is.EqualTo(new[] { "seal.p12" }));
    }

    [Test]
    [UnsupportedOSPlatform("windows")]
    public void Generate_ExistingFilesWithOverwrite_ReplacesThemOwnerOnly()
    {
        File.Copy(shared.Es256KeyPath, Path.Combine(temp.FullName, "es256.pem"));
        var before = File.ReadAllText(shared.Es256KeyPath);
        File.SetUnixFileMode(Path.Combine(temp.FullName, "es256.pem"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var second = KeyGenerator.Generate(temp.FullName, new KeyGenerationOptions { SealPassword = "x", Overwrite = true });

        Assert.That(File.ReadAllText(second.Es256KeyPath), Is.Not.EqualTo(before));
        Assert.That(File.GetUnixFileMode(second.Es256KeyPath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }
}
