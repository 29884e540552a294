using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace MicroCredentials.Jwt;

/// <summary>
/// A public JWT verification key of an issuer (P-256 for ES256, RSA ≥ 2048 bits for RS256) with its key id
/// <c>&lt;controller&gt;#&lt;RFC 7638 thumbprint&gt;</c>, so the id is stable, unique and resolvable through the
/// issuer's JWKS and DID document. Immutable; safe to share between threads.
/// </summary>
public sealed partial class JwtPublicKey
{
    /// <summary>The smallest RSA modulus accepted, in bits.</summary>
    public const int MinimumRsaKeySize = 2048;

    private readonly ECDsa? ecdsa;
    private readonly RSA? rsa;

    private JwtPublicKey(string controller, ECDsa? ecdsa, RSA? rsa, JsonObject publicJwk)
    {
        this.ecdsa = ecdsa;
        this.rsa = rsa;
        Controller = controller;
        Algorithm = ecdsa is null ? JwtClaims.RS256 : JwtClaims.ES256;
        Thumbprint = ComputeThumbprint(publicJwk)
            ?? throw new InvalidOperationException("A public JWK built from a key always has a thumbprint.");
        KeyId = controller + "#" + Thumbprint;
        jwkMembers = publicJwk;
    }

    /// <summary>The issuer that controls the key (the part of <see cref="KeyId"/> before <c>#</c>).</summary>
    public string Controller { get; }

    /// <summary><c>ES256</c> or <c>RS256</c>.</summary>
    public string Algorithm { get; }

    /// <summary>The RFC 7638 JWK thumbprint (SHA-256, base64url).</summary>
    public string Thumbprint { get; }

    /// <summary>The key id: <c>&lt;controller&gt;#&lt;thumbprint&gt;</c>; the JOSE <c>kid</c> and the DID verification method id.</summary>
    public string KeyId { get; }

    /// <summary>Wraps the public half of a P-256 key.</summary>
    /// <param name="key">A P-256 key (a private key is fine: only its public parameters are kept).</param>
    /// <param name="controller">The issuer id that controls the key.</param>
    /// <exception cref="ArgumentException">The key is not on P-256 or the controller is empty.</exception>
    public static JwtPublicKey FromECDsa(ECDsa key, string controller)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(controller);
        var parameters = key.ExportParameters(includePrivateParameters: false);
        if (parameters.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            throw new ArgumentException("ES256 needs a P-256 key.", nameof(key));
        }

        return new JwtPublicKey(controller, ECDsa.Create(parameters), null, EcJwk(parameters));
    }

    /// <summary>Wraps the public half of an RSA key of at least <see cref="MinimumRsaKeySize"/> bits.</summary>
    /// <param name="key">An RSA key (a private key is fine: only its public parameters are kept).</param>
    /// <param name="controller">The issuer id that controls the key.</param>
    /// <exception cref="ArgumentException">The key is shorter than 2048 bits or the controller is empty.</exception>
    public static JwtPublicKey FromRsa(RSA key, string controller)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(controller);
        if (key.KeySize < MinimumRsaKeySize)
        {
            throw new ArgumentException($"RS256 needs an RSA key of at least {MinimumRsaKeySize} bits.", nameof(key));
        }

        var parameters = key.ExportParameters(includePrivateParameters: false);
        var publicOnly = RSA.Create();
        publicOnly.ImportParameters(parameters);
        return new JwtPublicKey(controller, null, publicOnly, RsaJwk(parameters));
    }

    /// <summary>True when the other key has the same public key material (same thumbprint).</summary>
    public bool HasSameKey(JwtPublicKey other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Thumbprint, other.Thumbprint, StringComparison.Ordinal);
    }

    /// <summary>Verifies a JWS signature over the signing input (RFC 7515 §5.2 step 8).</summary>
    internal bool VerifySignature(ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature)
    {
        if (ecdsa is not null)
        {
            // JWS ES256 signatures are the 64-byte IEEE P1363 concatenation r ‖ s (RFC 7518 §3.4).
            return signature.Length == 64
                && ecdsa.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }

        return signature.Length == rsa!.KeySize / 8
            && rsa.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
