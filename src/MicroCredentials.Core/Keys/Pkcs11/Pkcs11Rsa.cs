using System.Security.Cryptography;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace MicroCredentials.Keys.Pkcs11;

/// <summary>
/// An RSA key that stays in the module, as an <see cref="RSA"/> so that the JWT code and the CMS seal sign with it
/// unchanged. Data (RS256) is signed with <c>CKM_SHA256_RSA_PKCS</c>, the module hashing it; a hash (the CMS signed
/// attributes) with <c>CKM_RSA_PKCS</c> over its DigestInfo — both RSASSA-PKCS1-v1_5 (RFC 8017 §8.2). Only SHA-256 and
/// PKCS#1 v1.5 padding; the private part cannot be exported.
/// </summary>
public sealed class Pkcs11Rsa : RSA
{
    // DER DigestInfo prefix for SHA-256 (RFC 8017 §9.2 note 1).
    private static readonly byte[] Sha256DigestInfo = [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20];
    private readonly Pkcs11Module module;
    private readonly IObjectHandle privateKey;
    private readonly RSA publicKey;

    private Pkcs11Rsa(Pkcs11Module module, IObjectHandle privateKey, RSA publicKey, string label)
    {
        this.module = module;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        Label = label;
        KeySizeValue = publicKey.KeySize;
        LegalKeySizesValue = [new KeySizes(publicKey.KeySize, publicKey.KeySize, 0)];
    }

    /// <summary>The key's label in the module.</summary>
    public string Label { get; }

    /// <summary>Finds the RSA key pair labelled <paramref name="label"/>.</summary>
    /// <exception cref="KeyModuleException">No RSA key pair has this label (the message names <paramref name="setting"/>).</exception>
    public static Pkcs11Rsa Find(Pkcs11Module module, string label, string setting)
    {
        ArgumentNullException.ThrowIfNull(module);
        var handle = module.FindPrivateKey(label, Pkcs11Module.KeyKind.Rsa, setting);
        var (modulus, exponent) = module.ReadRsaPublicKey(label, setting);
        var publicKey = RSA.Create(new RSAParameters { Modulus = modulus, Exponent = exponent });
        return new Pkcs11Rsa(module, handle, publicKey, label);
    }

    /// <inheritdoc />
    public override byte[] SignData(byte[] data, int offset, int count, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
    {
        ArgumentNullException.ThrowIfNull(data);
        Check(hashAlgorithm, padding);
        return module.Sign(privateKey, (ulong)CKM.CKM_SHA256_RSA_PKCS, data.AsSpan(offset, count).ToArray());
    }

    /// <inheritdoc />
    public override bool TrySignData(ReadOnlySpan<byte> data, Span<byte> destination, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding, out int bytesWritten)
    {
        Check(hashAlgorithm, padding);
        return Copy(module.Sign(privateKey, (ulong)CKM.CKM_SHA256_RSA_PKCS, data.ToArray()), destination, out bytesWritten);
    }

    /// <inheritdoc />
    public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
    {
        ArgumentNullException.ThrowIfNull(hash);
        Check(hashAlgorithm, padding);
        if (hash.Length != 32)
        {
            throw new CryptographicException("A SHA-256 hash is 32 bytes.");
        }

        return module.Sign(privateKey, (ulong)CKM.CKM_RSA_PKCS, [.. Sha256DigestInfo, .. hash]);
    }

    /// <inheritdoc />
    public override bool TrySignHash(ReadOnlySpan<byte> hash, Span<byte> destination, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding, out int bytesWritten) =>
        Copy(SignHash(hash.ToArray(), hashAlgorithm, padding), destination, out bytesWritten);

    /// <inheritdoc />
    public override bool VerifyHash(byte[] hash, byte[] signature, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding) =>
        publicKey.VerifyHash(hash, signature, hashAlgorithm, padding);

    /// <inheritdoc />
    public override bool VerifyHash(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding) =>
        publicKey.VerifyHash(hash, signature, hashAlgorithm, padding);

    /// <summary>The public parameters; the private key cannot leave the module.</summary>
    /// <exception cref="CryptographicException"><paramref name="includePrivateParameters"/> is true.</exception>
    public override RSAParameters ExportParameters(bool includePrivateParameters) => includePrivateParameters
        ? throw new CryptographicException("The private key is in the hardware module and cannot be exported.")
        : publicKey.ExportParameters(false);

    /// <summary>Not supported: the key is the module's.</summary>
    public override void ImportParameters(RSAParameters parameters) => throw new NotSupportedException("A module key cannot be replaced.");

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            publicKey.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void Check(HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
    {
        if (hashAlgorithm != HashAlgorithmName.SHA256 || padding != RSASignaturePadding.Pkcs1)
        {
            throw new CryptographicException($"A module RSA key signs with SHA-256 and PKCS#1 v1.5 only, not {hashAlgorithm.Name}/{padding}.");
        }
    }

    private static bool Copy(byte[] signature, Span<byte> destination, out int bytesWritten)
    {
        if (signature.Length > destination.Length)
        {
            bytesWritten = 0;
            return false;
        }

        signature.CopyTo(destination);
        bytesWritten = signature.Length;
        return true;
    }
}
