using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.Jwt;
using MicroCredentials.Keys;
using Microsoft.Extensions.Time.Testing;

namespace MicroCredentials.Core.Tests.Keys;

/// <summary>The own wallet CA and the leaf certificates of the ES256 key (the SD-JWT VC's x5c), across a key rotation.</summary>
[TestFixture]
public sealed class WalletCertificatesTests
{
    private const string Password = "wallet-ca";
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private string folder = string.Empty;
    private FakeTimeProvider time = null!;

    [SetUp]
    public void SetUp()
    {
        folder = Directory.CreateTempSubdirectory("microcred-wallet-ca-").FullName;
        time = new FakeTimeProvider(Start);
        KeyGenerator.Generate(folder, new KeyGenerationOptions { SealPassword = Password }, time);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Generate_WritesTheWalletCa_ACaOfPathLengthZeroWithAPrivateKeyOnlyTheOwnerReads()
    {
        using var ca = LoadCa();
        var constraints = ca.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        var usage = ca.Extensions.OfType<X509KeyUsageExtension>().Single();

        Assert.Multiple(() =>
        {
            Assert.That(constraints.CertificateAuthority, Is.True);
            Assert.That((constraints.HasPathLengthConstraint, constraints.PathLengthConstraint), Is.EqualTo((true, 0)));
            Assert.That(usage.KeyUsages, Is.EqualTo(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign));
            Assert.That(ca.NotAfter.ToUniversalTime(), Is.EqualTo(Start.AddYears(WalletCertificates.CaValidityYears).UtcDateTime).Within(TimeSpan.FromSeconds(1)));
            if (!OperatingSystem.IsWindows())
            {
                Assert.That(File.GetUnixFileMode(Path.Combine(folder, WalletCertificates.CaKeyFileName)), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            }
        });
    }

    [Test]
    public void IssueLeaf_CertifiesTheKey_NamesTheIssuerAsSanUri_AndChainsToTheCa()
    {
        using var ca = LoadCa();
        using var keys = Load();
        using var leaf = WalletCertificates.IssueLeaf(ca, keys.Es256.PublicKey, Samples.IssuerId, Start);

        Assert.Multiple(() =>
        {
            Assert.That(WalletCertificates.Certifies(leaf, keys.Es256.PublicKey), Is.True);
            Assert.That(WalletCertificates.Certifies(leaf, JwtPublicKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), Samples.IssuerId)), Is.False);
            Assert.That(Sans(leaf), Is.EqualTo("URI:" + Samples.IssuerId));
            Assert.That(leaf.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages, Is.EqualTo(X509KeyUsageFlags.DigitalSignature));
            Assert.That(leaf.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority, Is.False);
            Assert.That(Chains(leaf, ca, Start.AddDays(1)), Is.True);
        });
    }

    [Test]
    public void Rotation_KeepsTheCa_NewKeyGetsItsOwnLeaf_AndTheOldLeafStillChains()
    {
        using var before = LoadCa();
        using var oldKeys = Load();
        using var oldLeaf = WalletCertificates.IssueLeaf(before, oldKeys.Es256.PublicKey, Samples.IssuerId, Start);

        time.Advance(TimeSpan.FromDays(30));
        KeyRotation.Rotate(folder, time.GetUtcNow(), Password, "CN=Test seal", time);
        using var after = LoadCa();
        using var newKeys = Load();
        using var newLeaf = WalletCertificates.IssueLeaf(after, newKeys.Es256.PublicKey, Samples.IssuerId, time.GetUtcNow());

        Assert.Multiple(() =>
        {
            Assert.That(after.Thumbprint, Is.EqualTo(before.Thumbprint), "the trust anchor survives a rotation");
            Assert.That(newKeys.Es256.PublicKey.Thumbprint, Is.Not.EqualTo(oldKeys.Es256.PublicKey.Thumbprint));
            Assert.That(WalletCertificates.Certifies(newLeaf, newKeys.Es256.PublicKey), Is.True);
            Assert.That(Chains(oldLeaf, after, time.GetUtcNow()), Is.True, "SD-JWT VCs signed before the rotation keep verifying");
            Assert.That(Chains(newLeaf, after, time.GetUtcNow()), Is.True);
        });
    }

    [Test]
    public void IssueLeaf_ClockBeforeTheCa_StartsWithTheCa()
    {
        using var ca = LoadCa();
        using var keys = Load();
        using var leaf = WalletCertificates.IssueLeaf(ca, keys.Es256.PublicKey, Samples.IssuerId, Start.AddYears(-1));
        Assert.That(leaf.NotBefore, Is.EqualTo(ca.NotBefore));
    }

    [Test]
    public void IssueLeaf_RsaKey_Refused()
    {
        using var ca = LoadCa();
        using var keys = Load();
        Assert.That(() => WalletCertificates.IssueLeaf(ca, keys.Rs256.PublicKey, Samples.IssuerId, Start), Throws.ArgumentException);
    }

    private X509Certificate2 LoadCa() => X509Certificate2.CreateFromPemFile(
        Path.Combine(folder, WalletCertificates.CaCertificateFileName), Path.Combine(folder, WalletCertificates.CaKeyFileName));

    private IssuerKeySet Load() => IssuerKeySet.Load(IssuerKeyOptions.ForDirectory(folder, Password), Samples.IssuerId, time: time);

    // The SAN extension as OpenSSL prints it ("URI:did:web:…"): .NET has no URI enumerator for it.
    private static string Sans(X509Certificate2 certificate) => certificate.Extensions["2.5.29.17"]!.Format(multiLine: false);

    private static bool Chains(X509Certificate2 leaf, X509Certificate2 anchor, DateTimeOffset at)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(anchor);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        return chain.Build(leaf);
    }
}
