using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MicroCredentials.Keys;
using NSec.Cryptography;

namespace MicroCredentials.Core.Tests.Keys;

/// <summary>Loading each supported file form, and the errors for the unsupported ones.</summary>
public sealed partial class IssuerKeySetTests
{
    [Test]
    public void Load_JwkFiles_LoadSameKeysAsPem()
    {
        var options = DemoOptions();
        options.Ed25519KeyPath = Write("ed.jwk", Ed25519Jwk().ToJsonString());
        options.Es256KeyPath = Write("ec.jwk", EcJwk().ToJsonString());
        options.Rs256KeyPath = Write("rsa.jwk", RsaJwk().ToJsonString());

        using var keys = IssuerKeySet.Load(options, TestKeys.IssuerId);

        Assert.That(keys.Ed25519PublicKeyMultibase, Is.EqualTo(TestKeys.Demo.Ed25519PublicKeyMultibase));
        Assert.That(keys.Es256.KeyId, Is.EqualTo(TestKeys.Demo.Es256.KeyId));
        Assert.That(keys.Rs256.KeyId, Is.EqualTo(TestKeys.Demo.Rs256.KeyId));
        Assert.That(keys.IsDemo, Is.True);
    }

    [Test]
    public void Load_Sec1AndPkcs1Pem_LoadSameKeys()
    {
        using var ec = ECDsa.Create();
        ec.ImportFromPem(File.ReadAllText(Path.Combine(TestKeys.DemoDirectory, "es256.pem")));
        using var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(Path.Combine(TestKeys.DemoDirectory, "rs256.pem")));
        var options = DemoOptions();
        options.Es256KeyPath = Write("ec-sec1.pem", ec.ExportECPrivateKeyPem());
        options.Rs256KeyPath = Write("rsa-pkcs1.pem", rsa.ExportRSAPrivateKeyPem());

        using var keys = IssuerKeySet.Load(options, TestKeys.IssuerId);

        Assert.That(keys.Es256.KeyId, Is.EqualTo(TestKeys.Demo.Es256.KeyId));
        Assert.That(keys.Rs256.KeyId, Is.EqualTo(TestKeys.Demo.Rs256.KeyId));
    }

    [Test]
    public void Load_SealAsCertificateAndKeyPem_LoadsSameCertificate()
    {
        var options = DemoOptions();
        options.SealPkcs12Path = "";
        options.SealCertificatePath = Path.Combine(TestKeys.DemoDirectory, "seal-cert.pem");
        options.SealKeyPath = Path.Combine(TestKeys.DemoDirectory, "seal-key.pem");

        using var keys = IssuerKeySet.Load(options, TestKeys.IssuerId);

        Assert.That(keys.SealCertificate!.Thumbprint, Is.EqualTo(TestKeys.Demo.SealCertificate!.Thumbprint));
        Assert.That(keys.SealCertificate.HasPrivateKey, Is.True);
    }

    [Test]
    public void Load_NoSealConfigured_SealIsNull()
    {
        var options = DemoOptions();
        options.SealPkcs12Path = null;

        using var keys = IssuerKeySet.Load(options, TestKeys.IssuerId);

        Assert.That(keys.SealCertificate, Is.Null);
    }

    private static IEnumerable<TestCaseData> BadFiles()
    {
        yield return Case("missing file", o => o.Es256KeyPath = "/nonexistent/es256.pem", "does not exist");
        yield return Case("garbled pem", o => o.Es256KeyPath = WriteStatic("garbled.pem", "-----BEGIN PRIVATE KEY-----\n!!!notbase64!!!\n-----END PRIVATE KEY-----\n"), "garbled");
        yield return Case("truncated pem", o => o.Rs256KeyPath = WriteStatic("truncated.pem", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n"), "garbled");
        yield return Case("not a key file", o => o.Ed25519KeyPath = WriteStatic("hello.txt", "hello world"), "neither PEM");
        yield return Case("rsa where p256 expected", o => o.Es256KeyPath = Path.Combine(TestKeys.DemoDirectory, "rs256.pem"), "expected a P-256 key, found an RSA key");
        yield return Case("ec where ed25519 expected", o => o.Ed25519KeyPath = Path.Combine(TestKeys.DemoDirectory, "es256.pem"), "expected an Ed25519 private key (PKCS#8 PEM), found an EC key");
        yield return Case("ed25519 where rsa expected", o => o.Rs256KeyPath = Path.Combine(TestKeys.DemoDirectory, "ed25519.pem"), "expected an RSA key, found an Ed25519 key");
        yield return Case("certificate where key expected", o => o.Rs256KeyPath = Path.Combine(TestKeys.DemoDirectory, "seal-cert.pem"), "private key");
        yield return Case("public key as signing key", o => o.Es256KeyPath = WriteStatic("pub.pem", PublicEcPem()), "expected a P-256 private key");
        yield return Case("public jwk as signing key", o => o.Es256KeyPath = WriteStatic("pub.jwk", TestKeys.Demo.Es256.PublicKey.ToJwk().ToJsonString()), "private part 'd'");
        yield return Case("rsa 1024", o => o.Rs256KeyPath = WriteStatic("rsa1024.pem", SmallRsaPem()), "1024 bits");
        yield return Case("p384", o => o.Es256KeyPath = WriteStatic("p384.pem", P384Pem()), "another curve");
        yield return Case("encrypted pem", o => o.Es256KeyPath = WriteStatic("enc.pem", EncryptedPem()), "encrypted");
        yield return Case("multikey text as p256", o => o.Es256KeyPath = WriteStatic("multikey.txt", "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"), "found a Multikey");
        yield return Case("public multikey as ed25519 signing key", o => o.Ed25519KeyPath = WriteStatic("multikey2.txt", "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"), "public Multikey");
        yield return Case("broken json", o => o.Es256KeyPath = WriteStatic("broken.jwk", "{\"kty\":\"EC\","), "not valid JSON");
        yield return Case("wrong seal password", o => o.SealPassword = "wrong", "password");
        yield return Case("pem as pkcs12", o => o.SealPkcs12Path = Path.Combine(TestKeys.DemoDirectory, "seal-cert.pem"), "PKCS#12");
        yield return Case("seal cert without key", o =>
        {
            o.SealPkcs12Path = null;
            o.SealCertificatePath = Path.Combine(TestKeys.DemoDirectory, "seal-cert.pem");
        }, "SealKeyPath is not set");
        yield return Case("empty setting", o => o.Ed25519KeyPath = "", "Ed25519KeyPath is empty");

        static TestCaseData Case(string name, Action<IssuerKeyOptions> change, string message) =>
            new TestCaseData(change, message) { TestName = "Load_BadFile_" + name.Replace(' ', '_') };
    }

    [TestCaseSource(nameof(BadFiles))]
    public void Load_BadFile_ThrowsKeyFileExceptionNamingFileAndProblem(Action<IssuerKeyOptions> change, string message)
    {
        var options = DemoOptions();
        change(options);

        var ex = Assert.Throws<KeyFileException>(() => IssuerKeySet.Load(options, TestKeys.IssuerId));

        Assert.That(ex!.Message, Does.Contain(message));
        Assert.That(ex.Message, Does.StartWith("Key file '"));
        Assert.That(ex.Message, Does.Not.Contain("MII"), "no key material in messages");
    }

    // Created when a case first writes a file (not at discovery), deleted after the fixture.
    private static readonly Lazy<string> StaticTemp = new(() => Directory.CreateTempSubdirectory("mc-badkeys-").FullName);

    [OneTimeTearDown]
    public void DeleteStaticTemp()
    {
        if (StaticTemp.IsValueCreated && Directory.Exists(StaticTemp.Value))
        {
            Directory.Delete(StaticTemp.Value, recursive: true);
        }
    }

    private static string WriteStatic(string name, string content)
    {
        var path = Path.Combine(StaticTemp.Value, name);
        File.WriteAllText(path, content);
        return path;
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(temp.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string PublicEcPem()
    {
        using var ec = JwtTestKeys.DemoEc();
        return ec.ExportSubjectPublicKeyInfoPem();
    }

    private static string SmallRsaPem()
    {
        using var rsa = RSA.Create(1024);
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    private static string P384Pem()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        return ec.ExportPkcs8PrivateKeyPem();
    }

    private static string EncryptedPem()
    {
        using var ec = JwtTestKeys.DemoEc();
        return ec.ExportEncryptedPkcs8PrivateKeyPem("pw", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000));
    }

    private static JsonObject Ed25519Jwk()
    {
        var text = File.ReadAllText(Path.Combine(TestKeys.DemoDirectory, "ed25519.pem"));
        var pem = PemEncoding.Find(text);
        using var key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromBase64String(text[pem.Base64Data]), KeyBlobFormat.PkixPrivateKey,
            new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return new JsonObject
        {
            ["kty"] = "OKP",
            ["crv"] = "Ed25519",
            ["x"] = B64(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
            ["d"] = B64(key.Export(KeyBlobFormat.RawPrivateKey)),
        };
    }

    private static JsonObject EcJwk()
    {
        using var ec = JwtTestKeys.DemoEc();
        var p = ec.ExportParameters(true);
        return new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = B64(p.Q.X!), ["y"] = B64(p.Q.Y!), ["d"] = B64(p.D!) };
    }

    private static JsonObject RsaJwk()
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(Path.Combine(TestKeys.DemoDirectory, "rs256.pem")));
        var p = rsa.ExportParameters(true);
        return new JsonObject
        {
            ["kty"] = "RSA", ["n"] = B64(p.Modulus!), ["e"] = B64(p.Exponent!), ["d"] = B64(p.D!), ["p"] = B64(p.P!),
            ["q"] = B64(p.Q!), ["dp"] = B64(p.DP!), ["dq"] = B64(p.DQ!), ["qi"] = B64(p.InverseQ!),
        };
    }

    private static string B64(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static class JwtTestKeys
    {
        public static ECDsa DemoEc()
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(File.ReadAllText(Path.Combine(TestKeys.DemoDirectory, "es256.pem")));
            return ec;
        }
    }
}
