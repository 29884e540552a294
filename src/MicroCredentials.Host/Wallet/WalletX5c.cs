using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MicroCredentials.Jwt;
using MicroCredentials.Keys;

namespace MicroCredentials.Host.Wallet;

/// <summary>
/// The <c>x5c</c> header of our SD-JWT VCs: the certificate chain of the ES256 key that signs them, leaf first, without
/// the trust anchor (HAIP 1.0). Read from the key folder at start-up:
/// <list type="number">
/// <item><see cref="WalletCertificates.Es256ChainFileName"/> — a chain issued elsewhere (production: a CA on a trust
/// list); the leaf that certifies the signing key is used, with the intermediate certificates after it.</item>
/// <item>else <see cref="WalletCertificates.CaCertificateFileName"/> with its key — our own issuer CA (made by
/// <c>microcred keys generate</c>): a leaf is issued for each ES256 key the first time it signs, so a rotated key gets
/// its own leaf under the same CA and earlier SD-JWT VCs keep verifying.</item>
/// <item>else none: the key is resolvable by <c>kid</c> only.</item>
/// </list>
/// </summary>
internal sealed class WalletX5c : IDisposable
{
    private readonly List<X509Certificate2> chain = [];
    private readonly X509Certificate2? ca;
    private readonly string issuerId;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>?> byThumbprint = new(StringComparer.Ordinal);

    public WalletX5c(string keysDirectory, string issuerId, TimeProvider time)
    {
        this.issuerId = issuerId;
        this.time = time;
        var chainPath = Path.Combine(keysDirectory, WalletCertificates.Es256ChainFileName);
        var caPath = Path.Combine(keysDirectory, WalletCertificates.CaCertificateFileName);
        var caKeyPath = Path.Combine(keysDirectory, WalletCertificates.CaKeyFileName);
        try
        {
            if (File.Exists(chainPath))
            {
                var certificates = new X509Certificate2Collection();
                certificates.ImportFromPemFile(chainPath);
                chain.AddRange(certificates);
            }
            else if (File.Exists(caPath) && File.Exists(caKeyPath))
            {
                ca = X509Certificate2.CreateFromPemFile(caPath, caKeyPath);
            }
        }
        catch (CryptographicException ex)
        {
            throw new KeyFileException(File.Exists(chainPath) ? chainPath : caPath, "the wallet certificate is not readable: " + ex.Message);
        }

        Source = chain.Count > 0 ? WalletCertificates.Es256ChainFileName : ca is not null ? WalletCertificates.CaCertificateFileName : null;
    }

    /// <summary>Which file the chains come from, or null when SD-JWT VCs carry no <c>x5c</c>.</summary>
    public string? Source { get; }

    /// <summary>The own CA (the trust anchor to configure in a verifier), when that is the source.</summary>
    public X509Certificate2? OwnCa => ca;

    /// <summary>The <c>x5c</c> for a signing key (base64 DER, leaf first), or null when there is none for it.</summary>
    public IReadOnlyList<string>? For(JwtSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return byThumbprint.GetOrAdd(key.PublicKey.Thumbprint, _ => Build(key.PublicKey));
    }

    public void Dispose()
    {
        ca?.Dispose();
        foreach (var certificate in chain)
        {
            certificate.Dispose();
        }
    }

    private List<string>? Build(JwtPublicKey key)
    {
        if (chain.Count > 0)
        {
            var leaf = chain.FindIndex(c => WalletCertificates.Certifies(c, key));
            return leaf < 0 ? null : [.. chain.Skip(leaf).Where(c => c.SubjectName.RawData.AsSpan().SequenceEqual(c.IssuerName.RawData) is false)
                .Select(c => Convert.ToBase64String(c.RawData))];
        }

        if (ca is null)
        {
            return null;
        }

        using var issued = WalletCertificates.IssueLeaf(ca, key, issuerId, time.GetUtcNow());
        return [Convert.ToBase64String(issued.RawData)];
    }
}
