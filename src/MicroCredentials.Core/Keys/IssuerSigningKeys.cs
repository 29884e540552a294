using System.Security.Cryptography.X509Certificates;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Jwt;

namespace MicroCredentials.Keys;

/// <summary>
/// One generation of private keys that may sign (<see cref="IssuerKeySet.SigningAt"/>): the Ed25519 key with its
/// verification method, the JWT keys and the seal, and the window in which they sign. Owned by the key set.
/// </summary>
public sealed class IssuerSigningKeys
{
    internal IssuerSigningKeys(string issuerId, Ed25519SigningKey ed25519, JwtSigningKey es256, JwtSigningKey rs256, X509Certificate2? seal,
        KeyValidityWindow window, Pkcs11.ModuleKeyLabels? moduleLabels = null, IReadOnlyList<X509Certificate2>? sealChain = null)
    {
        SealChain = sealChain ?? [];
        ModuleLabels = moduleLabels;
        Ed25519Key = ed25519;
        Es256 = es256;
        Rs256 = rs256;
        SealCertificate = seal;
        Window = window;
        Ed25519PublicKeyMultibase = Multikey.EncodeEd25519PublicKey(ed25519.PublicKey.ToArray());
        VerificationMethodId = issuerId + "#" + Ed25519PublicKeyMultibase;
    }

    /// <summary>The Ed25519 signing key for Data Integrity proofs (in memory, or in a hardware module).</summary>
    public Ed25519SigningKey Ed25519Key { get; }

    /// <summary>The labels of these keys in the hardware module; null for file keys.</summary>
    public Pkcs11.ModuleKeyLabels? ModuleLabels { get; }

    /// <summary>Its public key as Multikey <c>z6Mk…</c>.</summary>
    public string Ed25519PublicKeyMultibase { get; }

    /// <summary>Its verification method: <c>&lt;issuer id&gt;#&lt;z6Mk…&gt;</c>.</summary>
    public string VerificationMethodId { get; }

    /// <summary>The ES256 signing key.</summary>
    public JwtSigningKey Es256 { get; }

    /// <summary>The RS256 signing key.</summary>
    public JwtSigningKey Rs256 { get; }

    /// <summary>
    /// The seal certificate with its private key (or, for a module key, the key attached through <see cref="SealKeys"/>);
    /// null when none is configured.
    /// </summary>
    public X509Certificate2? SealCertificate { get; }

    /// <summary>
    /// The CA certificates given with <see cref="SealCertificate"/> (the other certificates of its PKCS#12 file, or the
    /// further certificates of its certificate PEM): its intermediates and root, for the PDF seal's long-term validation
    /// data. Empty for a self-signed seal (the demo's), a module seal, or when none were given.
    /// </summary>
    public IReadOnlyList<X509Certificate2> SealChain { get; }

    /// <summary>When these keys sign.</summary>
    public KeyValidityWindow Window { get; }

    /// <summary>The JWT signing key for an algorithm.</summary>
    /// <param name="algorithm"><c>ES256</c> or <c>RS256</c>.</param>
    /// <exception cref="ArgumentException">Any other algorithm.</exception>
    public JwtSigningKey GetJwtSigningKey(string algorithm) => algorithm switch
    {
        JwtClaims.ES256 => Es256,
        JwtClaims.RS256 => Rs256,
        _ => throw new ArgumentException($"No JWT key for '{algorithm}': use ES256 or RS256.", nameof(algorithm)),
    };

    internal void Dispose()
    {
        Ed25519Key.Dispose();
        Es256.Dispose();
        Rs256.Dispose();
        SealCertificate?.Dispose();
        foreach (var certificate in SealChain)
        {
            certificate.Dispose();
        }
    }
}
