using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MicroCredentials.Jwt;
using NSec.Cryptography;

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
    private readonly Dictionary<string, byte[]> ed25519ByVerificationMethod = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KeyValidityWindow> windowsByFragment = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<IssuerSigningKeys> signing;
    private readonly List<X509Certificate2> historySeals = [];
    private readonly TimeProvider time;

    private IssuerKeySet(string issuerId, IReadOnlyList<IssuerSigningKeys> signing, IReadOnlyList<KeyGenerationRecord> history,
        IReadOnlyList<byte[]> retiredEd25519, IReadOnlyList<JwtPublicKey> retiredJwt, IReadOnlyList<string> earlierIssuerIds, TimeProvider time)
    {
        IssuerId = issuerId;
        this.signing = [.. signing.OrderBy(s => s.Window.ValidFrom ?? DateTimeOffset.MinValue)];
        this.time = time;
        var newest = this.signing[^1];
        History = history;

        var historyJwt = history.SelectMany(h => new[] { h.Es256, h.Rs256 })
            .Select(jwk => JwtPublicKey.TryFromJwk(jwk, issuerId, out var key, out var error) ? key!
                : throw new KeyFileException(KeyHistory.FileName, "a JWT key in the history is not readable: " + error)).ToList();
        List<string> multibases =
        [
            newest.Ed25519PublicKeyMultibase,
            .. this.signing.Reverse().Select(s => s.Ed25519PublicKeyMultibase),
            .. history.Reverse().Select(h => h.Ed25519),
            .. retiredEd25519.Select(k => Multikey.EncodeEd25519PublicKey(k)),
        ];
        Ed25519PublicKeysMultibase = [.. multibases.Distinct(StringComparer.Ordinal)];
        EarlierIssuerIds = [.. earlierIssuerIds.Where(id => id != issuerId).Distinct(StringComparer.Ordinal)];
        foreach (var multibase in Ed25519PublicKeysMultibase)
        {
            if (!Multikey.TryDecodeEd25519PublicKey(multibase, out var publicKey))
            {
                throw new KeyFileException(KeyHistory.FileName, $"'{multibase}' is not an Ed25519 Multikey");
            }

            ed25519ByVerificationMethod[VerificationMethodFor(multibase)] = publicKey;
            foreach (var earlier in EarlierIssuerIds)
            {
                ed25519ByVerificationMethod[earlier + "#" + multibase] = publicKey;
            }
        }

        List<JwtPublicKey> current =
        [
            newest.Es256.PublicKey, newest.Rs256.PublicKey,
            .. this.signing.Reverse().SelectMany(s => new[] { s.Es256.PublicKey, s.Rs256.PublicKey }),
            .. Enumerable.Reverse(historyJwt),
            .. retiredJwt.Where(k => k.Controller == issuerId),
        ];
        current = [.. current.DistinctBy(k => k.Thumbprint)];
        JwtPublicKeys = [.. current, .. EarlierIssuerIds.SelectMany(earlier => current.Select(k => UnderEarlierIssuer(k, earlier)))];
        JwtKeyResolver = new JwtKeyResolver(JwtPublicKeys);
        DataIntegrityKeyResolver = ResolveVerificationMethod;
        List<X509Certificate2> seals = [.. this.signing.Reverse().Select(s => s.SealCertificate).OfType<X509Certificate2>()];
        foreach (var record in history.Reverse().Where(h => h.SealCertificate is not null))
        {
            var der = Convert.FromBase64String(record.SealCertificate!);
            if (!seals.Any(c => c.RawDataMemory.Span.SequenceEqual(der)))
            {
                var certificate = X509CertificateLoader.LoadCertificate(der);
                historySeals.Add(certificate);
                seals.Add(certificate);
            }
        }

        SealCertificates = seals;

        foreach (var (record, index) in history.Select((h, i) => (h, i)))
        {
            windowsByFragment[record.Ed25519] = record.Window;
            windowsByFragment[historyJwt[2 * index].Thumbprint] = record.Window;
            windowsByFragment[historyJwt[(2 * index) + 1].Thumbprint] = record.Window;
        }

        foreach (var keys in this.signing.Where(s => s.Window.ValidFrom is not null || s.Window.ValidUntil is not null))
        {
            windowsByFragment[keys.Ed25519PublicKeyMultibase] = keys.Window;
            windowsByFragment[keys.Es256.PublicKey.Thumbprint] = keys.Window;
            windowsByFragment[keys.Rs256.PublicKey.Thumbprint] = keys.Window;
        }

        OriginalKeys = history.Count > 0
            ? new KeyFingerprints(history[0].Ed25519, historyJwt[0].Thumbprint, historyJwt[1].Thumbprint)
            : new KeyFingerprints(this.signing[0].Ed25519PublicKeyMultibase, this.signing[0].Es256.PublicKey.Thumbprint, this.signing[0].Rs256.PublicKey.Thumbprint);
        DemoKeys = FindDemoKeys(newest);
    }

    /// <summary>The issuer id (a <c>did:web</c>, DESIGN §4); the controller of every key here.</summary>
    public string IssuerId { get; }

    /// <summary>The Ed25519 signing key for Data Integrity proofs now (NSec; not exportable).</summary>
    public Key Ed25519Key => Now.Ed25519Key;

    /// <summary>The Ed25519 public key signing now, as Multikey <c>publicKeyMultibase</c> (<c>z6Mk…</c>).</summary>
    public string Ed25519PublicKeyMultibase => Now.Ed25519PublicKeyMultibase;

    /// <summary>The verification method of <see cref="Ed25519Key"/>: <c>&lt;issuer id&gt;#&lt;z6Mk…&gt;</c>.</summary>
    public string VerificationMethodId => Now.VerificationMethodId;

    /// <summary>Every Ed25519 public key ever used: the newest one first, then the earlier ones.</summary>
    public IReadOnlyList<string> Ed25519PublicKeysMultibase { get; }

    /// <summary>The ES256 signing key (P-256) now.</summary>
    public JwtSigningKey Es256 => Now.Es256;

    /// <summary>The RS256 signing key (RSA ≥ 2048; the OB 3.0 minimum) now.</summary>
    public JwtSigningKey Rs256 => Now.Rs256;

    /// <summary>Every JWT public key ever used: the newest ES256 and RS256, then the earlier ones.</summary>
    public IReadOnlyList<JwtPublicKey> JwtPublicKeys { get; }

    /// <summary>Finds a JWT key of this issuer by <c>kid</c> or <c>jwk</c>; accepts current and retired keys only.</summary>
    public JwtKeyResolver JwtKeyResolver { get; }

    /// <summary>
    /// Data Integrity key resolver: verification method id → 32-byte Ed25519 public key, or null. Accepts exactly
    /// <c>&lt;issuer id&gt;#&lt;z6Mk…&gt;</c> for the current and retired keys (so the controller is the issuer id).
    /// </summary>
    public Func<string, byte[]?> DataIntegrityKeyResolver { get; }

    /// <summary>The X.509 seal certificate signing now, with its private key; null when none is configured.</summary>
    public X509Certificate2? SealCertificate => Now.SealCertificate;

    /// <summary>Every seal certificate of the issuer, newest first (a PDF sealed before a rotation is still ours).</summary>
    public IReadOnlyList<X509Certificate2> SealCertificates { get; }

    /// <summary>The key history read from <see cref="KeyHistory.FileName"/> (empty before the first rotation).</summary>
    public IReadOnlyList<KeyGenerationRecord> History { get; }

    /// <summary>
    /// The keys of the first generation (before any rotation): what the stored issuer identity names, so a rotation does
    /// not make the database's identity differ from the configured keys.
    /// </summary>
    public KeyFingerprints OriginalKeys { get; }

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

    private IssuerSigningKeys Now => SigningAt(time.GetUtcNow());

    /// <summary>
    /// The keys that sign a credential dated <paramref name="at"/>: the newest generation whose window has begun by then
    /// (the oldest when none has). Sign with one snapshot so the proof and its key id always belong together.
    /// </summary>
    public IssuerSigningKeys SigningAt(DateTimeOffset at)
    {
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
            && windowsByFragment.TryGetValue(keyReference[(hash + 1)..], out var window) ? window : null;
    }

    /// <summary>The JWT signing key for an algorithm, now.</summary>
    /// <param name="algorithm"><c>ES256</c> or <c>RS256</c>.</param>
    /// <exception cref="ArgumentException">Any other algorithm.</exception>
    public JwtSigningKey GetJwtSigningKey(string algorithm) => Now.GetJwtSigningKey(algorithm);

    /// <summary>The Ed25519 public key (32 bytes, a fresh copy) of a verification method of this issuer, or null.</summary>
    public byte[]? ResolveVerificationMethod(string verificationMethod) =>
        verificationMethod is not null && ed25519ByVerificationMethod.TryGetValue(verificationMethod, out var key) ? [.. key] : null;

    /// <summary>Disposes the private keys.</summary>
    public void Dispose()
    {
        foreach (var keys in signing)
        {
            keys.Dispose();
        }

        foreach (var seal in historySeals)
        {
            seal.Dispose();
        }
    }

    private string VerificationMethodFor(string multibase) => IssuerId + "#" + multibase;

    private static JwtPublicKey UnderEarlierIssuer(JwtPublicKey key, string earlierIssuerId) =>
        JwtPublicKey.TryFromJwk(key.ToJwk(), earlierIssuerId, out var copy, out var error)
            ? copy!
            : throw new InvalidOperationException("A key's own JWK is always readable: " + error);

    private List<string> FindDemoKeys(IssuerSigningKeys newest)
    {
        List<string> found = [];
        if (MicroCredentials.Keys.DemoKeys.Contains(newest.Ed25519PublicKeyMultibase))
        {
            found.Add("Ed25519 signing key");
        }

        found.AddRange(Ed25519PublicKeysMultibase.Skip(1).Where(MicroCredentials.Keys.DemoKeys.Contains).Select(k => "retired Ed25519 key " + k));
        found.AddRange(JwtPublicKeys.Where(k => k.Controller == IssuerId && MicroCredentials.Keys.DemoKeys.Contains(k.Thumbprint))
            .Select(k => k == newest.Es256.PublicKey ? "ES256 signing key" : k == newest.Rs256.PublicKey ? "RS256 signing key" : "retired JWT key " + k.KeyId));
        if (newest.SealCertificate is { } seal && MicroCredentials.Keys.DemoKeys.Contains(seal.GetCertHashString(HashAlgorithmName.SHA256)))
        {
            found.Add("PDF seal certificate");
        }

        return found;
    }
}
