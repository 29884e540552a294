using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MicroCredentials.Jwt;

namespace MicroCredentials.Keys;

/// <summary>
/// X.509 certificates for the ES256 key that signs SD-JWT VCs (the <c>x5c</c> header, HAIP 1.0 and SD-JWT VC's X.509
/// key resolution): an own issuer CA (P-256, <c>keyCertSign</c>, path length 0) made by <c>microcred keys generate</c>,
/// and leaf certificates it issues for each ES256 key (<c>digitalSignature</c>, SAN URI = the issuer id, which is the
/// SD-JWT VC's <c>iss</c>). A production deployment replaces the own CA with a certificate from a CA on a trust list.
/// </summary>
public static class WalletCertificates
{
    /// <summary>The own CA certificate (public; what verifiers configure as the trust anchor).</summary>
    public const string CaCertificateFileName = "wallet-ca.pem";

    /// <summary>The own CA's private key (PKCS#8 PEM, mode 0600).</summary>
    public const string CaKeyFileName = "wallet-ca-key.pem";

    /// <summary>Optional: a certificate chain for the ES256 key issued elsewhere (leaf first); used instead of the own CA.</summary>
    public const string Es256ChainFileName = "es256-chain.pem";

    /// <summary>How long the own CA is valid: it must outlive every leaf it issues and every SD-JWT VC signed under them.</summary>
    public const int CaValidityYears = 20;

    /// <summary>How long a leaf is valid (capped by the CA's end): SD-JWT VCs are checked against it for as long as they are shown.</summary>
    public const int LeafValidityYears = 10;

    /// <summary>Makes an own issuer CA: self-signed P-256, CA with path length 0, key usage keyCertSign and cRLSign.</summary>
    /// <param name="subject">Its distinguished name (a demo CA says DEMO in it).</param>
    /// <param name="now">The start of its validity.</param>
    public static X509Certificate2 CreateCa(string subject, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName(subject), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(CaValidityYears));

        // Exportable copy (CreateSelfSigned keys are ephemeral on some platforms).
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12, ""), "", X509KeyStorageFlags.Exportable);
    }

    /// <summary>
    /// Issues the leaf certificate of an ES256 key under <paramref name="ca"/>: subject from the CA's organisation, SAN URI
    /// <paramref name="issuerId"/> (the <c>iss</c> of our SD-JWT VCs), key usage digitalSignature, not a CA, valid
    /// <see cref="LeafValidityYears"/> or until the CA ends. Only the public key is needed (an HSM key works too).
    /// </summary>
    /// <param name="ca">The CA certificate with its private key.</param>
    /// <param name="key">The ES256 public key.</param>
    /// <param name="issuerId">The issuer id (our <c>did:web</c>).</param>
    /// <param name="now">The start of its validity.</param>
    /// <exception cref="ArgumentException">The key is not a P-256 key or the CA has no private key.</exception>
    public static X509Certificate2 IssueLeaf(X509Certificate2 ca, JwtPublicKey key, string issuerId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ca);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuerId);
        using var caKey = ca.GetECDsaPrivateKey() ?? throw new ArgumentException("The wallet CA certificate has no EC private key.", nameof(ca));
        var jwk = key.ToJwk();
        if ((string?)jwk["kty"] != "EC" || (string?)jwk["crv"] != "P-256")
        {
            throw new ArgumentException("Only a P-256 (ES256) key gets a wallet certificate.", nameof(key));
        }

        using var publicKey = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64UrlDecode((string)jwk["x"]!), Y = Base64UrlDecode((string)jwk["y"]!) },
        });
        var organisation = ca.SubjectName.EnumerateRelativeDistinguishedNames()
            .Select(n => n.GetSingleElementType().Value == "2.5.4.10" ? n.GetSingleElementValue() : null).FirstOrDefault(v => v is not null);
        var subject = new X500DistinguishedNameBuilder();
        if (organisation is not null)
        {
            subject.AddOrganizationName(organisation);
        }

        subject.AddCommonName("SD-JWT VC signing key " + key.Thumbprint[..16]);
        var request = new CertificateRequest(subject.Build(), publicKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddUri(new Uri(issuerId));
        request.CertificateExtensions.Add(names.Build());
        // Within the CA's own validity (a clock behind the CA's start, as in tests with a fake clock, starts at the CA's).
        var caStart = new DateTimeOffset(ca.NotBefore.ToUniversalTime());
        var caEnd = new DateTimeOffset(ca.NotAfter.ToUniversalTime());
        var notBefore = now.AddMinutes(-5) > caStart ? now.AddMinutes(-5) : caStart;
        var notAfter = notBefore.AddYears(LeafValidityYears) < caEnd ? notBefore.AddYears(LeafValidityYears) : caEnd;
        return request.Create(ca, notBefore, notAfter, RandomNumberGenerator.GetBytes(16));
    }

    /// <summary>True when <paramref name="certificate"/> certifies exactly this ES256 public key.</summary>
    public static bool Certifies(X509Certificate2 certificate, JwtPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(key);
        using var certified = certificate.GetECDsaPublicKey();
        if (certified is null)
        {
            return false;
        }

        var q = certified.ExportParameters(false).Q;
        var jwk = key.ToJwk();
        return jwk["x"] is not null && jwk["y"] is not null
            && q.X!.AsSpan().SequenceEqual(Base64UrlDecode((string)jwk["x"]!)) && q.Y!.AsSpan().SequenceEqual(Base64UrlDecode((string)jwk["y"]!));
    }

    private static byte[] Base64UrlDecode(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);
}
