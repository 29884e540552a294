using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace MicroCredentials.Jwt;

/// <summary>
/// A private JWT signing key of an issuer (ES256 on P-256 or RS256 on RSA ≥ 2048) with its key id
/// <c>&lt;issuer id&gt;#&lt;RFC 7638 thumbprint&gt;</c>. Owns the key it wraps and disposes it.
/// </summary>
public sealed class JwtSigningKey : IDisposable
{
    private readonly AsymmetricAlgorithm privateKey;

    private JwtSigningKey(JwtPublicKey publicKey, AsymmetricAlgorithm privateKey, SecurityKey securityKey, string securityAlgorithm)
    {
        this.privateKey = privateKey;
        PublicKey = publicKey;
        securityKey.KeyId = publicKey.KeyId;
        // IdentityModel's shared provider cache is keyed by kid: a second key set with the same kid (a reload, a test)
        // would get the provider of a disposed key. Each signing key owns its providers instead.
        securityKey.CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false };
        SigningCredentials = new SigningCredentials(securityKey, securityAlgorithm)
        {
            CryptoProviderFactory = securityKey.CryptoProviderFactory,
        };
    }

    /// <summary>The public half (what the JWKS and the DID document publish).</summary>
    public JwtPublicKey PublicKey { get; }

    /// <summary><c>ES256</c> or <c>RS256</c>.</summary>
    public string Algorithm => PublicKey.Algorithm;

    /// <summary>The JOSE <c>kid</c>: <c>&lt;issuer id&gt;#&lt;thumbprint&gt;</c>.</summary>
    public string KeyId => PublicKey.KeyId;

    /// <summary>Signing credentials for Microsoft.IdentityModel, with <see cref="SecurityKey.KeyId"/> = <see cref="KeyId"/>.</summary>
    public SigningCredentials SigningCredentials { get; }

    /// <summary>Wraps a P-256 private key for ES256.</summary>
    /// <param name="privateKey">The key; the signing key takes ownership of it.</param>
    /// <param name="issuerId">The issuer id (controller of the key).</param>
    /// <exception cref="ArgumentException">The key is not a P-256 private key.</exception>
    public static JwtSigningKey FromECDsa(ECDsa privateKey, string issuerId)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        EnsurePrivate(() => privateKey.ExportParameters(includePrivateParameters: true));
        return new JwtSigningKey(JwtPublicKey.FromECDsa(privateKey, issuerId), privateKey, new ECDsaSecurityKey(privateKey), SecurityAlgorithms.EcdsaSha256);
    }

    /// <summary>Wraps an RSA private key (≥ 2048 bits) for RS256.</summary>
    /// <param name="privateKey">The key; the signing key takes ownership of it.</param>
    /// <param name="issuerId">The issuer id (controller of the key).</param>
    /// <exception cref="ArgumentException">The key is shorter than 2048 bits or has no private part.</exception>
    public static JwtSigningKey FromRsa(RSA privateKey, string issuerId)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        EnsurePrivate(() => privateKey.ExportParameters(includePrivateParameters: true));
        return new JwtSigningKey(JwtPublicKey.FromRsa(privateKey, issuerId), privateKey, new RsaSecurityKey(privateKey), SecurityAlgorithms.RsaSha256);
    }

    /// <summary>
    /// Wraps a key whose private part cannot be exported (a hardware module's: <see cref="Keys.Pkcs11.Pkcs11ECDsa"/>,
    /// <see cref="Keys.Pkcs11.Pkcs11Rsa"/>): a P-256 <see cref="ECDsa"/> signs ES256, an <see cref="RSA"/> (≥ 2048 bits) RS256.
    /// </summary>
    /// <param name="moduleKey">The key; the signing key takes ownership of it.</param>
    /// <param name="issuerId">The issuer id (controller of the key).</param>
    /// <exception cref="ArgumentException">The key is neither, or too short.</exception>
    public static JwtSigningKey FromModuleKey(AsymmetricAlgorithm moduleKey, string issuerId) => moduleKey switch
    {
        ECDsa ec => new JwtSigningKey(JwtPublicKey.FromECDsa(ec, issuerId), ec, new ECDsaSecurityKey(ec), SecurityAlgorithms.EcdsaSha256),
        RSA rsa => new JwtSigningKey(JwtPublicKey.FromRsa(rsa, issuerId), rsa, new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256),
        null => throw new ArgumentNullException(nameof(moduleKey)),
        _ => throw new ArgumentException("A module JWT key is an ECDsa (ES256) or RSA (RS256) key.", nameof(moduleKey)),
    };

    /// <summary>Disposes the private key.</summary>
    public void Dispose() => privateKey.Dispose();

    private static void EnsurePrivate(Action export)
    {
        try
        {
            export();
        }
        catch (CryptographicException ex)
        {
            throw new ArgumentException("A signing key needs its private part.", ex);
        }
    }
}
