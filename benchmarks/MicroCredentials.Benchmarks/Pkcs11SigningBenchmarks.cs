using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using MicroCredentials.Keys;
using MicroCredentials.Keys.Pkcs11;
using MicroCredentials.Tests.Shared;

namespace MicroCredentials.Benchmarks;

/// <summary>
/// One signature through SoftHSM 2 (PKCS#11, a token of the run's own) next to the same operation with file keys, per
/// algorithm: Ed25519 over a Data Integrity hashData (<c>CKM_EDDSA</c> vs NSec), ES256 over a SHA-256 hash
/// (<c>CKM_ECDSA</c> vs .NET ECDsa), RS256 over a JWT signing input (<c>CKM_SHA256_RSA_PKCS</c> vs .NET RSA-2048) and the
/// PDF seal's RSA-3072 signature over the CMS attributes' hash (<c>CKM_RSA_PKCS</c> vs .NET). Needs softhsm2 installed.
/// </summary>
[MemoryDiagnoser]
public class Pkcs11SigningBenchmarks
{
    private readonly byte[] hashData = SHA256.HashData("proof configuration"u8).Concat(SHA256.HashData("document"u8)).ToArray();
    private readonly byte[] hash = SHA256.HashData("signed attributes"u8);
    private readonly byte[] signingInput = new byte[1200];
    private SoftHsmToken token = null!;
    private string folder = string.Empty;
    private IssuerKeySet files = null!;
    private IssuerKeySet module = null!;
    private RSA fileSeal = null!;
    private RSA moduleSeal = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        token = await SoftHsmToken.CreateAsync("benchmarks");
        folder = Directory.CreateTempSubdirectory("microcred-bench-hsm-").FullName;
        var fileFolder = Path.Combine(folder, "files");
        var moduleFolder = Path.Combine(folder, "module");
        KeyGenerator.Generate(fileFolder, new KeyGenerationOptions { SealPassword = "bench" });
        ModuleKeyGenerator.Generate(token.Options, moduleFolder, "bench", "CN=Benchmark seal", TimeProvider.System);
        files = IssuerKeySet.Load(IssuerKeyOptions.ForDirectory(fileFolder, "bench"), "did:web:localhost");
        module = IssuerKeySet.Load(new IssuerKeyOptions { Pkcs11 = token.Options, KeyHistoryPath = Path.Combine(moduleFolder, KeyHistory.FileName) }, "did:web:localhost");
        fileSeal = files.SealCertificate!.GetRSAPrivateKey()!;
        moduleSeal = (RSA)SealKeys.PrivateKeyOf(module.SealCertificate!)!;
        RandomNumberGenerator.Fill(signingInput);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        fileSeal.Dispose();
        files.Dispose();
        module.Dispose();
        token.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Benchmark]
    public byte[] Ed25519File() => files.Ed25519Key.Sign(hashData);

    [Benchmark]
    public byte[] Ed25519SoftHsm() => module.Ed25519Key.Sign(hashData);

    [Benchmark]
    public byte[] Es256File() => Ecdsa(files).SignHash(hash);

    [Benchmark]
    public byte[] Es256SoftHsm() => Ecdsa(module).SignHash(hash);

    [Benchmark]
    public byte[] Rs256File() => Rsa(files).SignData(signingInput, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    [Benchmark]
    public byte[] Rs256SoftHsm() => Rsa(module).SignData(signingInput, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    [Benchmark]
    public byte[] SealFile() => fileSeal.SignHash(hash, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    [Benchmark]
    public byte[] SealSoftHsm() => moduleSeal.SignHash(hash, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    // The JWT keys' own algorithms, as the IdentityModel signing credentials hold them.
    private static ECDsa Ecdsa(IssuerKeySet keys) => ((Microsoft.IdentityModel.Tokens.ECDsaSecurityKey)keys.Es256.SigningCredentials.Key).ECDsa;

    private static RSA Rsa(IssuerKeySet keys) => ((Microsoft.IdentityModel.Tokens.RsaSecurityKey)keys.Rs256.SigningCredentials.Key).Rsa;
}
