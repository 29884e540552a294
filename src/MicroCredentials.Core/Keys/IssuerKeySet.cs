using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MicroCredentials.Jwt;

namespace MicroCredentials.Keys;

/// <summary>
/// The issuer's keys, loaded once at start-up (<see cref="Load"/>): the Ed25519 Data Integrity key, the ES256 and
/// RS256 JWT keys, the PDF seal, and the retired public keys that stay published so old credentials keep verifying.
/// After a rotation (<see cref="KeyRotation"/>) the key history gives each key its validity window, and the signing keys
/// are those whose window holds the moment of signing (<see cref="SigningAt"/>).
/// Key ids follow DESIGN §4: verification method <c>&lt;issuer id&gt;#&lt;z6Mk…&gt;</c>, JWT <c>kid</c>
/// <c>&lt;issuer id&gt;#&lt;RFC 7638 thumbprint&gt;</c>, controller = issuer id. Safe to share between threads.
/// </summary>
public sealed partial class IssuerKeySet : IDisposable
{
    private readonly TimeProvider time;
    private readonly Lock reloadLock = new();
    private readonly List<State> replaced = [];
    private readonly Func<State>? read;
    private readonly Pkcs11.Pkcs11Module? module;
    private volatile State state;

    private IssuerKeySet(State state, TimeProvider time, Pkcs11.Pkcs11Module? module, Func<State>? read)
    {
        this.state = state;
        this.time = time;
        this.module = module;
        this.read = read;
        JwtKeyResolver = new JwtKeyResolver(state.JwtPublicKeys);
        DataIntegrityKeyResolver = ResolveVerificationMethod;
    }

    /// <summary>The issuer id (a <c>did:web</c>, DESIGN §4); the controller of every key here.</summary>
    public string IssuerId => state.IssuerId;

    /// <summary>The Ed25519 signing key for Data Integrity proofs now (in memory, or in a hardware module).</summary>
    public DataIntegrity.Ed25519SigningKey Ed25519Key => Now.Ed25519Key;

    /// <summary>The Ed25519 public key signing now, as Multikey <c>publicKeyMultibase</c> (<c>z6Mk…</c>).</summary>
    public string Ed25519PublicKeyMultibase => Now.Ed25519PublicKeyMultibase;

    /// <summary>The verification method of <see cref="Ed25519Key"/>: <c>&lt;issuer id&gt;#&lt;z6Mk…&gt;</c>.</summary>
    public string VerificationMethodId => Now.VerificationMethodId;

    /// <summary>Every Ed25519 public key ever used: the newest one first, then the earlier ones.</summary>
    public IReadOnlyList<string> Ed25519PublicKeysMultibase => state.Ed25519PublicKeysMultibase;

    /// <summary>The ES256 signing key (P-256) now.</summary>
    public JwtSigningKey Es256 => Now.Es256;

    /// <summary>The RS256 signing key (RSA ≥ 2048; the OB 3.0 minimum) now.</summary>
    public JwtSigningKey Rs256 => Now.Rs256;

    /// <summary>Every JWT public key ever used: the newest ES256 and RS256, then the earlier ones.</summary>
    public IReadOnlyList<JwtPublicKey> JwtPublicKeys => state.JwtPublicKeys;

    /// <summary>Finds a JWT key of this issuer by <c>kid</c> or <c>jwk</c>; accepts current and retired keys only.</summary>
    public JwtKeyResolver JwtKeyResolver { get; }

    /// <summary>
    /// Data Integrity key resolver: verification method id → 32-byte Ed25519 public key, or null. Accepts exactly
    /// <c>&lt;issuer id&gt;#&lt;z6Mk…&gt;</c> for the current and retired keys (so the controller is the issuer id).
    /// </summary>
    public Func<string, byte[]?> DataIntegrityKeyResolver { get; }

    /// <summary>The X.509 seal certificate signing now, with its private key; null when none is configured.</summary>
    public X509Certificate2? SealCertificate => Now.SealCertificate;

    /// <summary>
    /// The CA certificates of the seal signing now (see <see cref="IssuerSigningKeys.SealChain"/>); empty when none were
    /// given. To seal, take <see cref="SealCertificate"/> and this from one <see cref="SigningAt"/> snapshot.
    /// </summary>
    public IReadOnlyList<X509Certificate2> SealChain => Now.SealChain;

    /// <summary>Every seal certificate of the issuer, newest first (a PDF sealed before a rotation is still ours).</summary>
    public IReadOnlyList<X509Certificate2> SealCertificates => state.SealCertificates;

    /// <summary>The key history read from <see cref="KeyHistory.FileName"/> (empty before the first rotation).</summary>
    public IReadOnlyList<KeyGenerationRecord> History => state.History;

    /// <summary>
    /// Every generation of keys, oldest first: the <see cref="History"/>, or before the first rotation the one generation
    /// that signs (with an open window). What an administrator's key list shows.
    /// </summary>
    public IReadOnlyList<KeyGenerationRecord> Generations => History.Count > 0 ? History : [KeyRotation.Describe(this, null)];

    /// <summary>
    /// The keys of the first generation (before any rotation): what the stored issuer identity names, so a rotation does
    /// not make the database's identity differ from the configured keys.
    /// </summary>
    public KeyFingerprints OriginalKeys => state.OriginalKeys;

    /// <summary>
    /// Issuer ids used before a domain move (see <see cref="IssuerKeyOptions.EarlierIssuerIds"/>): every key here is
    /// also trusted, and published, under each of them.
    /// </summary>
    public IReadOnlyList<string> EarlierIssuerIds => state.EarlierIssuerIds;

    /// <summary>The current issuer id first, then the earlier ones.</summary>
    public IReadOnlyList<string> AllIssuerIds => [IssuerId, .. EarlierIssuerIds];

    /// <summary>Which keys are the public demo keys of <c>keys.example/</c> (empty for a real deployment).</summary>
    public IReadOnlyList<string> DemoKeys => state.DemoKeys;

    /// <summary>True when any key (current or retired) is a demo key: the host and CLI must warn loudly.</summary>
    public bool IsDemo => DemoKeys.Count > 0;

    private IssuerSigningKeys Now => SigningAt(time.GetUtcNow());

    /// <summary>
    /// The keys that sign a credential dated <paramref name="at"/>: the newest generation whose window has begun by then
    /// (the oldest when none has). Sign with one snapshot so the proof and its key id always belong together.
    /// </summary>
    public IssuerSigningKeys SigningAt(DateTimeOffset at)
    {
        var signing = state.Signing;
        for (var i = signing.Count - 1; i > 0; i--)
        {
            if (signing[i].Window.ValidFrom is not { } from || from <= at)
            {
                return signing[i];
            }
        }

        return signing[0];
    }

    /// <summary>
    /// The validity window of one of this issuer's keys, by verification method id or JWT <c>kid</c>
    /// (<c>&lt;issuer id&gt;#&lt;fragment&gt;</c>); null for keys without one (before any rotation) or not ours.
    /// </summary>
    public KeyValidityWindow? KeyValidity(string keyReference)
    {
        if (string.IsNullOrEmpty(keyReference))
        {
            return null;
        }

        var hash = keyReference.IndexOf('#', StringComparison.Ordinal);
        return hash > 0 && AllIssuerIds.Contains(keyReference[..hash], StringComparer.Ordinal)
            && state.WindowsByFragment.TryGetValue(keyReference[(hash + 1)..], out var window) ? window : null;
    }

    /// <summary>The JWT signing key for an algorithm, now.</summary>
    /// <param name="algorithm"><c>ES256</c> or <c>RS256</c>.</param>
    /// <exception cref="ArgumentException">Any other algorithm.</exception>
    public JwtSigningKey GetJwtSigningKey(string algorithm) => Now.GetJwtSigningKey(algorithm);

    /// <summary>The Ed25519 public key (32 bytes, a fresh copy) of a verification method of this issuer, or null.</summary>
    public byte[]? ResolveVerificationMethod(string verificationMethod) =>
        verificationMethod is not null && state.Ed25519ByVerificationMethod.TryGetValue(verificationMethod, out var key) ? [.. key] : null;

    /// <summary>
    /// Reads the keys again (the key history and every generation that signs), so that a rotation made while the host
    /// runs (the staff app's, or the CLI's) takes effect at its moment without a restart. Readers see the old or the new
    /// keys, never a mix; the old keys are kept (and disposed with the set) since a signature may be under way with them.
    /// </summary>
    /// <exception cref="KeyFileException">A key file or the history is not readable (the keys stay as they were).</exception>
    /// <exception cref="Pkcs11.KeyModuleException">A module key is not found (the keys stay as they were).</exception>
    /// <exception cref="InvalidOperationException">The set was built from keys in memory, not loaded.</exception>
    public void Reload()
    {
        var load = read ?? throw new InvalidOperationException("A key set built from keys in memory cannot be reloaded.");
        lock (reloadLock)
        {
            var next = load();
            replaced.Add(state);
            state = next;
            JwtKeyResolver.Replace(next.JwtPublicKeys);
        }
    }

    /// <summary>Disposes the private keys and closes the hardware module, if any.</summary>
    public void Dispose()
    {
        lock (reloadLock)
        {
            foreach (var old in replaced)
            {
                old.Dispose();
            }

            replaced.Clear();
            state.Dispose();
            module?.Dispose();
        }
    }

    private static JwtPublicKey UnderEarlierIssuer(JwtPublicKey key, string earlierIssuerId) =>
        JwtPublicKey.TryFromJwk(key.ToJwk(), earlierIssuerId, out var copy, out var error)
            ? copy!
            : throw new InvalidOperationException("A key's own JWK is always readable: " + error);
}
