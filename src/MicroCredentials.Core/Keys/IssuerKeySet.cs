using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MicroCredentials.Jwt;
using NSec.Cryptography;

namespace MicroCredentials.Keys;

/// <summary>
/// The issuer's keys, loaded once at start-up (<see cref="Load"/>): the Ed25519 Data Integrity key, the ES256 and
/// RS256 JWT keys, the PDF seal, and the retired public keys that stay published so old credentials keep verifying.
/// Key ids follow DESIGN §4: verification method <c>&lt;issuer id&gt;#&lt;z6Mk…&gt;</c>, JWT <c>kid</c>
/// <c>&lt;issuer id&gt;#&lt;RFC 7638 thumbprint&gt;</c>, controller = issuer id. Safe to share between threads.
/// </summary>
public sealed partial class IssuerKeySet : IDisposable
{
    private readonly Dictionary<string, byte[]> ed25519ByVerificationMethod = new(StringComparer.Ordinal);

    private IssuerKeySet(string issuerId, Key ed25519Key, JwtSigningKey es256, JwtSigningKey rs256, X509Certificate2? seal,
        IReadOnlyList<byte[]> retiredEd25519, IReadOnlyList<JwtPublicKey> retiredJwt, IReadOnlyList<string> earlierIssuerIds)
    {
        IssuerId = issuerId;
        Ed25519Key = ed25519Key;
        Es256 = es256;
        Rs256 = rs256;
        SealCertificate = seal;
        Ed25519PublicKeyMultibase = Multikey.EncodeEd25519PublicKey(ed25519Key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        VerificationMethodId = VerificationMethodFor(Ed25519PublicKeyMultibase);

        List<string> multibases = [Ed25519PublicKeyMultibase, .. retiredEd25519.Select(k => Multikey.EncodeEd25519PublicKey(k))];
        Ed25519PublicKeysMultibase = [.. multibases.Distinct(StringComparer.Ordinal)];
        EarlierIssuerIds = [.. earlierIssuerIds.Where(id => id != issuerId).Distinct(StringComparer.Ordinal)];
        foreach (var multibase in Ed25519PublicKeysMultibase)
        {
            Multikey.TryDecodeEd25519PublicKey(multibase, out var publicKey);
            ed25519ByVerificationMethod[VerificationMethodFor(multibase)] = publicKey;
            foreach (var earlier in EarlierIssuerIds)
            {
                ed25519ByVerificationMethod[earlier + "#" + multibase] = publicKey;
            }
        }

        List<JwtPublicKey> current = [es256.PublicKey, rs256.PublicKey, .. retiredJwt.Where(k => k.Controller == issuerId)];
        JwtPublicKeys = [.. current, .. EarlierIssuerIds.SelectMany(earlier => current.Select(k => UnderEarlierIssuer(k, earlier)))];
        JwtKeyResolver = new JwtKeyResolver(JwtPublicKeys);
        DataIntegrityKeyResolver = ResolveVerificationMethod;
        DemoKeys = FindDemoKeys();
    }

    /// <summary>The issuer id (a <c>did:web</c>, DESIGN §4); the controller of every key here.</summary>
    public string IssuerId { get; }

    /// <summary>The Ed25519 signing key for Data Integrity proofs (NSec; not exportable).</summary>
    public Key Ed25519Key { get; }

    /// <summary>The current Ed25519 public key as Multikey <c>publicKeyMultibase</c> (<c>z6Mk…</c>).</summary>
    public string Ed25519PublicKeyMultibase { get; }

    /// <summary>The verification method of <see cref="Ed25519Key"/>: <c>&lt;issuer id&gt;#&lt;z6Mk…&gt;</c>.</summary>
    public string VerificationMethodId { get; }

    /// <summary>Every Ed25519 public key ever used: the current one first, then the retired ones.</summary>
    public IReadOnlyList<string> Ed25519PublicKeysMultibase { get; }

    /// <summary>The ES256 signing key (P-256).</summary>
    public JwtSigningKey Es256 { get; }

    /// <summary>The RS256 signing key (RSA ≥ 2048; the OB 3.0 minimum).</summary>
    public JwtSigningKey Rs256 { get; }

    /// <summary>Every JWT public key ever used: ES256, RS256, then the retired ones.</summary>
    public IReadOnlyList<JwtPublicKey> JwtPublicKeys { get; }

    /// <summary>Finds a JWT key of this issuer by <c>kid</c> or <c>jwk</c>; accepts current and retired keys only.</summary>
    public JwtKeyResolver JwtKeyResolver { get; }

    /// <summary>
    /// Data Integrity key resolver: verification method id → 32-byte Ed25519 public key, or null. Accepts exactly
    /// <c>&lt;issuer id&gt;#&lt;z6Mk…&gt;</c> for the current and retired keys (so the controller is the issuer id).
    /// </summary>
    public Func<string, byte[]?> DataIntegrityKeyResolver { get; }

    /// <summary>The X.509 seal certificate with its private key for PDF signatures; null when none is configured.</summary>
    public X509Certificate2? SealCertificate { get; }

    /// <summary>
    /// Issuer ids used before a domain move (see <see cref="IssuerKeyOptions.EarlierIssuerIds"/>): every key here is
    /// also trusted, and published, under each of them.
    /// </summary>
    public IReadOnlyList<string> EarlierIssuerIds { get; }

    /// <summary>The current issuer id first, then the earlier ones.</summary>
    public IReadOnlyList<string> AllIssuerIds => [IssuerId, .. EarlierIssuerIds];

    /// <summary>Which keys are the public demo keys of <c>keys.example/</c> (empty for a real deployment).</summary>
    public IReadOnlyList<string> DemoKeys { get; }

    /// <summary>True when any key (current or retired) is a demo key: the host and CLI must warn loudly.</summary>
    public bool IsDemo => DemoKeys.Count > 0;

    /// <summary>The JWT signing key for an algorithm.</summary>
    /// <param name="algorithm"><c>ES256</c> or <c>RS256</c>.</param>
    /// <exception cref="ArgumentException">Any other algorithm.</exception>
    public JwtSigningKey GetJwtSigningKey(string algorithm) => algorithm switch
    {
        JwtClaims.ES256 => Es256,
        JwtClaims.RS256 => Rs256,
        _ => throw new ArgumentException($"No JWT key for '{algorithm}': use ES256 or RS256.", nameof(algorithm)),
    };

    /// <summary>The Ed25519 public key (32 bytes, a fresh copy) of a verification method of this issuer, or null.</summary>
    public byte[]? ResolveVerificationMethod(string verificationMethod) =>
        verificationMethod is not null && ed25519ByVerificationMethod.TryGetValue(verificationMethod, out var key) ? [.. key] : null;

    /// <summary>Disposes the private keys.</summary>
    public void Dispose()
    {
        Ed25519Key.Dispose();
        Es256.Dispose();
        Rs256.Dispose();
        SealCertificate?.Dispose();
    }

    private string VerificationMethodFor(string multibase) => IssuerId + "#" + multibase;

    private static JwtPublicKey UnderEarlierIssuer(JwtPublicKey key, string earlierIssuerId) =>
        JwtPublicKey.TryFromJwk(key.ToJwk(), earlierIssuerId, out var copy, out var error)
            ? copy!
            : throw new InvalidOperationException("A key's own JWK is always readable: " + error);

    private List<string> FindDemoKeys()
    {
        List<string> found = [];
        if (MicroCredentials.Keys.DemoKeys.Contains(Ed25519PublicKeyMultibase))
        {
            found.Add("Ed25519 signing key");
        }

        found.AddRange(Ed25519PublicKeysMultibase.Skip(1).Where(MicroCredentials.Keys.DemoKeys.Contains).Select(k => "retired Ed25519 key " + k));
        found.AddRange(JwtPublicKeys.Where(k => k.Controller == IssuerId && MicroCredentials.Keys.DemoKeys.Contains(k.Thumbprint))
            .Select(k => k == Es256.PublicKey ? "ES256 signing key" : k == Rs256.PublicKey ? "RS256 signing key" : "retired JWT key " + k.KeyId));
        if (SealCertificate is not null && MicroCredentials.Keys.DemoKeys.Contains(SealCertificate.GetCertHashString(HashAlgorithmName.SHA256)))
        {
            found.Add("PDF seal certificate");
        }

        return found;
    }
}
