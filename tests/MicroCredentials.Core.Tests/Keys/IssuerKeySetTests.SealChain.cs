using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MicroCredentials.Keys;

namespace MicroCredentials.Core.Tests.Keys;

/// <summary>The CA certificates given with the seal (PKCS#12 or certificate PEM) are kept as its chain, bounded.</summary>
public sealed partial class IssuerKeySetTests
{
    [Test]
    public void Load_DemoSeal_HasNoChain()
    {
        using var keys = IssuerKeySet.Load(DemoOptions(), TestKeys.IssuerId);

        Assert.That(keys.SealChain, Is.Empty);
        Assert.That(keys.SigningAt(TimeProvider.System.GetUtcNow()).SealChain, Is.Empty);
    }

    [Test]
    public void Load_Pkcs12WithSealIntermediateAndRoot_KeepsTheCaCertificatesAsChain()
    {
        var (seal, cas) = Pki(caCount: 2);
        var options = DemoOptions();
        options.SealPkcs12Path = WritePkcs12("chain.p12", seal, cas);

        using var keys = IssuerKeySet.Load(options, TestKeys.IssuerId);

        Assert.That(keys.SealCertificate!.Thumbprint, Is.EqualTo(seal.Thumbprint));
        Assert.That(keys.SealCertificate.HasPrivateKey, Is.True);
        Assert.That(keys.SealChain.Select(c => c.Thumbprint), Is.EquivalentTo(cas.Select(c => c.Thumbprint)));
        Assert.That(keys.SealChain.Any(c => c.HasPrivateKey), Is.False);
    }

    [Test]
    public void Load_PemWithFurtherCertificates_KeepsThemAsChain()
    {
        var (seal, cas) = Pki(caCount: 2);
        var options = DemoOptions();
        options.SealPkcs12Path = "";
        options.SealCertificatePath = Write("seal-chain.pem", string.Concat(new[] { seal }.Concat(cas).Select(c => c.ExportCertificatePem() + "\n")));
        options.SealKeyPath = Write("seal-key.pem", seal.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());

        using var keys = IssuerKeySet.Load(options, TestKeys.IssuerId);

        Assert.That(keys.SealCertificate!.Thumbprint, Is.EqualTo(seal.Thumbprint));
        Assert.That(keys.SealCertificate.HasPrivateKey, Is.True);
        Assert.That(keys.SealChain.Select(c => c.Thumbprint), Is.EqualTo(cas.Select(c => c.Thumbprint)), "in the file's order");
    }

    [Test]
    public void Load_ChainAtTheBound_LoadsAndOnePast_StopsNamingTheBound()
    {
        var (seal, cas) = Pki(caCount: CoreLimits.MaxSealChainCertificates);
        var options = DemoOptions();
        options.SealPkcs12Path = WritePkcs12("at-bound.p12", seal, cas.Take(CoreLimits.MaxSealChainCertificates - 1));

        using (var keys = IssuerKeySet.Load(options, TestKeys.IssuerId))
        {
            Assert.That(keys.SealChain, Has.Count.EqualTo(CoreLimits.MaxSealChainCertificates - 1));
        }

        options.SealPkcs12Path = WritePkcs12("past-bound.p12", seal, cas);
        var ex = Assert.Throws<KeyFileException>(() => IssuerKeySet.Load(options, TestKeys.IssuerId));
        Assert.That(ex!.Message, Does.Contain($"holds {CoreLimits.MaxSealChainCertificates + 1} certificates; a seal and its chain hold at most {CoreLimits.MaxSealChainCertificates}"));
    }

    [Test]
    public void Load_FurtherCertificateNotACa_Stops()
    {
        var (seal, cas) = Pki(caCount: 1);
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = new CertificateRequest("CN=Someone Else", otherKey, HashAlgorithmName.SHA256).CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddYears(1));
        var options = DemoOptions();
        options.SealPkcs12Path = WritePkcs12("stranger.p12", seal, [cas[0], X509CertificateLoader.LoadCertificate(other.RawData)]);

        var ex = Assert.Throws<KeyFileException>(() => IssuerKeySet.Load(options, TestKeys.IssuerId));

        Assert.That(ex!.Message, Does.Contain("'CN=Someone Else' that is not a CA certificate"));
    }

    [Test]
    public void Load_Pkcs12WithTwoPrivateKeys_Stops()
    {
        var (seal, _) = Pki(caCount: 1);
        var (second, _) = Pki(caCount: 1);
        var options = DemoOptions();
        options.SealPkcs12Path = WritePkcs12("two-keys.p12", seal, [second]);

        var ex = Assert.Throws<KeyFileException>(() => IssuerKeySet.Load(options, TestKeys.IssuerId));

        Assert.That(ex!.Message, Does.Contain("holds 2 certificates with a private key"));
    }

    // A chain of CA certificates (root first made, each issuing the next) and a seal issued by the last; ECDSA for speed.
    private static (X509Certificate2 Seal, List<X509Certificate2> Cas) Pki(int caCount)
    {
        var from = TimeProvider.System.GetUtcNow().AddDays(-1);
        var until = TimeProvider.System.GetUtcNow().AddYears(1);
        List<X509Certificate2> withKeys = [];
        for (var i = 0; i < caCount; i++)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest($"CN=Test CA {i}", key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            using var made = i == 0 ? request.CreateSelfSigned(from, until) : request.Create(withKeys[^1], from, until, [(byte)(i + 1)]);
            withKeys.Add(made.HasPrivateKey ? X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null) : made.CopyWithPrivateKey(key));
        }

        using var sealKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var sealRequest = new CertificateRequest("CN=Test Seal", sealKey, HashAlgorithmName.SHA256);
        sealRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        using var issued = sealRequest.Create(withKeys[^1], from, until, [0x7F]);
        var seal = issued.CopyWithPrivateKey(sealKey);
        var cas = withKeys.Select(c => X509CertificateLoader.LoadCertificate(c.RawData)).ToList();
        foreach (var ca in withKeys)
        {
            ca.Dispose();
        }

        return (seal, cas);
    }

    private string WritePkcs12(string name, X509Certificate2 seal, IEnumerable<X509Certificate2> cas)
    {
        var path = Path.Combine(temp.FullName, name);
        var collection = new X509Certificate2Collection(seal);
        foreach (var ca in cas)
        {
            collection.Add(ca);
        }

        File.WriteAllBytes(path, collection.Export(X509ContentType.Pkcs12, "demo")!);
        return path;
    }
}
