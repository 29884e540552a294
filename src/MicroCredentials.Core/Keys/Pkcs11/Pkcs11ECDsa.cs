using System.Security.Cryptography;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace MicroCredentials.Keys.Pkcs11;

/// <summary>
/// A P-256 key that stays in the module, as an <see cref="ECDsa"/> so that the JWT code signs with it unchanged: the
/// hash (SHA-256, computed here) is signed in the module with <c>CKM_ECDSA</c>, whose output r ‖ s (32 bytes each) is
/// the IEEE P1363 form .NET and JOSE (RFC 7518 §3.4) use. The private part cannot be exported.
/// </summary>
public sealed class Pkcs11ECDsa : ECDsa
{
    private readonly Pkcs11Module module;
    private readonly IObjectHandle privateKey;
    private readonly ECDsa publicKey;

    private Pkcs11ECDsa(Pkcs11Module module, IObjectHandle privateKey, ECDsa publicKey, string label)
    {
        this.module = module;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        Label = label;
        KeySizeValue = 256;
        LegalKeySizesValue = [new KeySizes(256, 256, 0)];
    }

    /// <summary>The key's label in the module.</summary>
    public string Label { get; }

    /// <summary>Finds the P-256 key pair labelled <paramref name="label"/>.</summary>
    /// <exception cref="KeyModuleException">No P-256 key pair has this label (the message names <paramref name="setting"/>).</exception>
    public static Pkcs11ECDsa Find(Pkcs11Module module, string label, string setting)
    {
        ArgumentNullException.ThrowIfNull(module);
        var handle = module.FindPrivateKey(label, Pkcs11Module.KeyKind.P256, setting);
        var point = module.ReadP256PublicPoint(label, setting);
        var publicKey = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = point[1..33], Y = point[33..] },
        });
        return new Pkcs11ECDsa(module, handle, publicKey, label);
    }

    /// <inheritdoc />
    public override byte[] SignHash(byte[] hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        var signature = module.Sign(privateKey, (ulong)CKM.CKM_ECDSA, hash);
        return signature.Length == 64 ? signature : throw new CryptographicException($"The module gave a {signature.Length}-byte ECDSA signature, not r ‖ s (64 bytes).");
    }

    /// <inheritdoc />
    public override bool VerifyHash(byte[] hash, byte[] signature) => publicKey.VerifyHash(hash, signature);

    /// <summary>The public parameters; the private key cannot leave the module.</summary>
    /// <exception cref="CryptographicException"><paramref name="includePrivateParameters"/> is true.</exception>
    public override ECParameters ExportParameters(bool includePrivateParameters) => includePrivateParameters
        ? throw new CryptographicException("The private key is in the hardware module and cannot be exported.")
        : publicKey.ExportParameters(false);

    /// <inheritdoc />
    public override ECParameters ExportExplicitParameters(bool includePrivateParameters) => includePrivateParameters
        ? throw new CryptographicException("The private key is in the hardware module and cannot be exported.")
        : publicKey.ExportExplicitParameters(false);

    /// <summary>Not supported: the key is the module's.</summary>
    public override void ImportParameters(ECParameters parameters) => throw new NotSupportedException("A module key cannot be replaced.");

    /// <summary>Not supported: keys are generated in the module (<see cref="ModuleKeyGenerator"/>).</summary>
    public override void GenerateKey(ECCurve curve) => throw new NotSupportedException("Module keys are generated in the module.");

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            publicKey.Dispose();
        }

        base.Dispose(disposing);
    }
}
