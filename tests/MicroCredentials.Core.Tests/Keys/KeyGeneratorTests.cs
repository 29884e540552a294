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

    [SetUp]
    public void CreateTempDirectory() => temp = Directory.CreateTempSubdirectory("mc-gen-");

    [TearDown]
    public void DeleteTempDirectory() => temp.Delete(recursive: true);

    [Test]
    public void Generate_Output_LoadsBackAsNonDemoKeySet()
    {
        var files = KeyGenerator.Generate(Path.Combine(temp.FullName, "keys"), time: new FakeTimeProvider(Now));

        using var keys = IssuerKeySet.Load(files.ToOptions(), TestKeys.IssuerId);

        Assert.That(keys.IsDemo, Is.False);
        Assert.That(keys.DemoKeys, Is.Empty);
        Assert.That(keys.Rs256.PublicKey.ToJwk()["n"]!.GetValue<string>().Length, Is.EqualTo(342), "RSA-2048 modulus in base64url");
        var jwt = VcJwtSigner.Sign(TestKeys.Credential(), keys.Es256);
        Assert.That(VcJwtVerifier.Verify(jwt, keys.JwtKeyResolver, new FakeTimeProvider(Now)).IsValid, Is.True);
    }

    [Test]
    public void Generate_Seal_IsSelfSignedRsa3072ForTenYearsWithSealKeyUsage()
    {
        var files = KeyGenerator.Generate(temp.FullName, new KeyGenerationOptions { SealPassword = "s3cret", SealSubject = "CN=Test seal, O=Nova" },
            new FakeTimeProvider(Now));

        using var seal = X509CertificateLoader.LoadPkcs12FromFile(files.SealPkcs12Path, "s3cret");
        using var publicCert = X509CertificateLoader.LoadCertificateFromFile(files.SealCertificatePath);

        Assert.That(seal.HasPrivateKey, Is.True);
        Assert.That(seal.Thumbprint, Is.EqualTo(publicCert.Thumbprint));
        Assert.That(seal.Subject, Is.EqualTo("CN=Test seal, O=Nova"));
        Assert.That(seal.Issuer, Is.EqualTo(seal.Subject));
        Assert.That(seal.GetRSAPublicKey()!.KeySize, Is.EqualTo(3072));
        Assert.That(seal.NotAfter.ToUniversalTime(), Is.EqualTo(Now.AddYears(10).UtcDateTime));
        var usage = seal.Extensions.OfType<X509KeyUsageExtension>().Single();
        Assert.That(usage.KeyUsages, Is.EqualTo(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation));
        Assert.That(usage.Critical, Is.True);
        Assert.That(files.SealPasswordGenerated, Is.False);
    }

    [Test]
    public void Generate_NoPassword_GeneratesOneThatOpensThePkcs12()
    {
        var files = KeyGenerator.Generate(temp.FullName);

        Assert.That(files.SealPasswordGenerated, Is.True);
        Assert.That(files.SealPassword, Has.Length.GreaterThanOrEqualTo(20));
        using var seal = X509CertificateLoader.LoadPkcs12FromFile(files.SealPkcs12Path, files.SealPassword);
        Assert.That(seal.HasPrivateKey, Is.True);
    }

    [Test]
    [UnsupportedOSPlatform("windows")]
    public void Generate_PrivateKeyFiles_AreOwnerOnly()
    {
        var files = KeyGenerator.Generate(temp.FullName, new KeyGenerationOptions { SealPassword = "x" });

        foreach (var path in new[] { files.Ed25519KeyPath, files.Es256KeyPath, files.Rs256KeyPath, files.SealPkcs12Path })
        {
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), path);
        }
    }

    [Test]
    public void Generate_ExistingFiles_RefusesAndWritesNothing()
    {
        var first = KeyGenerator.Generate(temp.FullName, new KeyGenerationOptions { SealPassword = "x" });
        var before = File.ReadAllText(first.Es256KeyPath);

        Assert.That(() => KeyGenerator.Generate(temp.FullName, new KeyGenerationOptions { SealPassword = "x" }),
            Throws.InvalidOperationException.With.Message.Contains("Refusing to overwrite"));
        Assert.That(File.ReadAllText(first.Es256KeyPath), Is.EqualTo(before));
    }

    [Test]
    [UnsupportedOSPlatform("windows")]
    public void Generate_ExistingFilesWithOverwrite_ReplacesThemOwnerOnly()
    {
        var first = KeyGenerator.Generate(temp.FullName, new KeyGenerationOptions { SealPassword = "x" });
        var before = File.ReadAllText(first.Es256KeyPath);
        File.SetUnixFileMode(first.Es256KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var second = KeyGenerator.Generate(temp.FullName, new KeyGenerationOptions { SealPassword = "x", Overwrite = true });

        Assert.That(File.ReadAllText(second.Es256KeyPath), Is.Not.EqualTo(before));
        Assert.That(File.GetUnixFileMode(second.Es256KeyPath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }
}
