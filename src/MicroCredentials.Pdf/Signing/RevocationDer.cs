using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MicroCredentials.Pdf.Signing;

/// <summary>What a CRL or an OCSP answer says about one certificate.</summary>
internal enum RevocationStatus
{
    /// <summary>The data does not speak about this certificate, or it does not verify.</summary>
    NotCovered,

    /// <summary>Not revoked (OCSP good, or a verified CRL of its issuer that does not list it).</summary>
    Good,

    /// <summary>Revoked at <see cref="RevocationAnswer.RevokedAt"/>.</summary>
    Revoked,
}

/// <summary>A verified statement about one certificate, from a CRL or an OCSP answer.</summary>
internal sealed record RevocationAnswer(RevocationStatus Status, DateTimeOffset? RevokedAt, DateTimeOffset ThisUpdate);

/// <summary>
/// The DER a B-LT seal needs, read and written with <see cref="AsnReader"/>/<see cref="AsnWriter"/>: the revocation URLs of
/// a certificate (CRL distribution points, OCSP in Authority Information Access), an OCSP request (RFC 6960 §4.1,
/// SHA-1 CertID), the status in an OCSP answer or a CRL (RFC 5280 §5) for one certificate, and the signature check of
/// any signed DER structure (<c>SEQUENCE { tbs, algorithm, BIT STRING }</c>: certificate, CRL, BasicOCSPResponse).
/// Every reader returns null or <see cref="RevocationStatus.NotCovered"/> on bad input; none throws.
/// </summary>
internal static class RevocationDer
{
    private const string OcspBasicOid = "1.3.6.1.5.5.7.48.1.1";
    private const string OcspAccessOid = "1.3.6.1.5.5.7.48.1";
    private const string CrlDistributionPointsOid = "2.5.29.31";
    private const string OcspSigningEku = "1.3.6.1.5.5.7.3.9";
    private const string Sha1Oid = "1.3.14.3.2.26";

    /// <summary>The http(s) CRL distribution point URLs of <paramref name="certificate"/>, in order.</summary>
    public static IReadOnlyList<string> CrlUrls(X509Certificate2 certificate)
    {
        var extension = certificate.Extensions[CrlDistributionPointsOid];
        if (extension is null)
        {
            return [];
        }
        var urls = new List<string>();
        try
        {
            var points = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
            while (points.HasData)
            {
                var point = points.ReadSequence();
                if (!point.HasData || !point.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
                {
                    continue;
                }
                var name = point.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0));
                if (!name.HasData || !name.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
                {
                    continue;
                }
                var fullName = name.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0));
                while (fullName.HasData)
                {
                    var tag = fullName.PeekTag();
                    if (tag.HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 6)))
                    {
                        urls.Add(fullName.ReadCharacterString(UniversalTagNumber.IA5String, new Asn1Tag(TagClass.ContextSpecific, 6)));
                    }
                    else
                    {
                        fullName.ReadEncodedValue();
                    }
                }
            }
        }
        catch (AsnContentException)
        {
            return [];
        }
        return urls.Where(IsHttp).ToList();
    }

    /// <summary>The http(s) OCSP responder URLs in <paramref name="certificate"/>'s Authority Information Access.</summary>
    public static IReadOnlyList<string> OcspUrls(X509Certificate2 certificate)
    {
        try
        {
            return certificate.Extensions.OfType<X509AuthorityInformationAccessExtension>()
                .SelectMany(e => e.EnumerateUris(OcspAccessOid)).Where(IsHttp).ToList();
        }
        catch (CryptographicException)
        {
            return [];
        }
    }

    private static bool IsHttp(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>OCSPRequest</c> for one certificate, no extensions.</summary>
    public static byte[] OcspRequest(X509Certificate2 certificate, X509Certificate2 issuer)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            WriteCertId(writer, certificate, issuer);
        }
        return writer.Encode();
    }

    private static void WriteCertId(AsnWriter writer, X509Certificate2 certificate, X509Certificate2 issuer)
    {
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(Sha1Oid);
                writer.WriteNull();
            }
            writer.WriteOctetString(SHA1.HashData(issuer.SubjectName.RawData));
            writer.WriteOctetString(SHA1.HashData(issuer.PublicKey.EncodedKeyValue.RawData));
            writer.WriteInteger(certificate.SerialNumberBytes.Span);
        }
    }

    /// <summary>
    /// What the OCSP answer <paramref name="response"/> says about <paramref name="certificate"/>: status successful, a
    /// basic response whose signature verifies with <paramref name="issuer"/>'s key or with a certificate it carries that
    /// <paramref name="issuer"/> issued for OCSP signing, and a single response for this certificate's SHA-1 CertID.
    /// </summary>
    public static RevocationAnswer? OcspStatus(ReadOnlySpan<byte> response, X509Certificate2 certificate, X509Certificate2 issuer)
    {
        try
        {
            var outer = new AsnReader(response.ToArray(), AsnEncodingRules.DER);
            var ocsp = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            if (ocsp.ReadEnumeratedValue<OcspResponseStatus>() != OcspResponseStatus.Successful)
            {
                return null;
            }
            var bytes = ocsp.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence();
            if (bytes.ReadObjectIdentifier() != OcspBasicOid)
            {
                return null;
            }
            var basicDer = bytes.ReadOctetString();
            var basic = new AsnReader(basicDer, AsnEncodingRules.DER).ReadSequence();
            var tbs = basic.ReadEncodedValue();
            basic.ReadEncodedValue();
            basic.ReadBitString(out _);
            var carried = new List<X509Certificate2>();
            if (basic.HasData)
            {
                var certs = basic.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence();
                while (certs.HasData && carried.Count < PdfLimits.MaxSealChainCertificates)
                {
                    carried.Add(X509CertificateLoader.LoadCertificate(certs.ReadEncodedValue().Span));
                }
            }
            var signedByIssuer = VerifySigned(basicDer, issuer)
                || carried.Any(c => IsOcspSigner(c, issuer) && VerifySigned(basicDer, c));
            if (!signedByIssuer)
            {
                return null;
            }
            var data = new AsnReader(tbs, AsnEncodingRules.DER).ReadSequence();
            if (data.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
            {
                data.ReadEncodedValue();
            }
            data.ReadEncodedValue(); // responderID
            data.ReadGeneralizedTime(); // producedAt
            var responses = data.ReadSequence();
            var expected = new AsnWriter(AsnEncodingRules.DER);
            WriteCertId(expected, certificate, issuer);
            var expectedId = expected.Encode();
            while (responses.HasData)
            {
                var single = responses.ReadSequence();
                var id = single.ReadEncodedValue();
                var statusTag = single.PeekTag();
                RevocationStatus status;
                DateTimeOffset? revokedAt = null;
                if (statusTag.HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
                {
                    single.ReadNull(new Asn1Tag(TagClass.ContextSpecific, 0));
                    status = RevocationStatus.Good;
                }
                else if (statusTag.HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 1)))
                {
                    var revoked = single.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 1));
                    revokedAt = revoked.ReadGeneralizedTime();
                    status = RevocationStatus.Revoked;
                }
                else
                {
                    single.ReadEncodedValue();
                    status = RevocationStatus.NotCovered;
                }
                var thisUpdate = single.ReadGeneralizedTime();
                if (id.Span.SequenceEqual(expectedId) && status != RevocationStatus.NotCovered)
                {
                    return new RevocationAnswer(status, revokedAt, thisUpdate);
                }
            }
            return null;
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException or ArgumentException)
        {
            return null;
        }
    }

    private static bool IsOcspSigner(X509Certificate2 candidate, X509Certificate2 issuer) =>
        candidate.IssuerName.RawData.AsSpan().SequenceEqual(issuer.SubjectName.RawData)
        && candidate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Any(e => e.EnhancedKeyUsages.Cast<Oid>().Any(o => o.Value == OcspSigningEku))
        && VerifySigned(candidate.RawData, issuer);

    /// <summary>
    /// What the CRL <paramref name="crl"/> says about <paramref name="certificate"/>: issued by <paramref name="issuer"/>
    /// (name and signature), listing the certificate's serial number or not.
    /// </summary>
    public static RevocationAnswer? CrlStatus(ReadOnlySpan<byte> crl, X509Certificate2 certificate, X509Certificate2 issuer)
    {
        try
        {
            var der = crl.ToArray();
            var outer = new AsnReader(der, AsnEncodingRules.DER);
            var list = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            if (!VerifySigned(der, issuer))
            {
                return null;
            }
            var tbs = list.ReadSequence();
            if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
            {
                tbs.ReadInteger();
            }
            tbs.ReadEncodedValue(); // signature algorithm
            if (!tbs.ReadEncodedValue().Span.SequenceEqual(issuer.SubjectName.RawData))
            {
                return null;
            }
            var thisUpdate = ReadTime(tbs);
            if (tbs.HasData && (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) || tbs.PeekTag().HasSameClassAndValue(Asn1Tag.GeneralizedTime)))
            {
                ReadTime(tbs);
            }
            var serial = new BigInteger(certificate.SerialNumberBytes.Span, isUnsigned: false, isBigEndian: true);
            if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                var revoked = tbs.ReadSequence();
                while (revoked.HasData)
                {
                    var entry = revoked.ReadSequence();
                    var number = entry.ReadInteger();
                    var at = ReadTime(entry);
                    if (number == serial)
                    {
                        return new RevocationAnswer(RevocationStatus.Revoked, at, thisUpdate);
                    }
                }
            }
            return new RevocationAnswer(RevocationStatus.Good, null, thisUpdate);
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException or ArgumentException)
        {
            return null;
        }
    }

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();

    /// <summary>True when the signed structure <paramref name="der"/> verifies with <paramref name="signer"/>'s public key.</summary>
    public static bool VerifySigned(ReadOnlySpan<byte> der, X509Certificate2 signer)
    {
        try
        {
            var outer = new AsnReader(der.ToArray(), AsnEncodingRules.DER).ReadSequence();
            var tbs = outer.ReadEncodedValue();
            var algorithm = outer.ReadSequence().ReadObjectIdentifier();
            var signature = outer.ReadBitString(out var unused);
            if (unused != 0)
            {
                return false;
            }
            HashAlgorithmName? hash = algorithm switch
            {
                "1.2.840.113549.1.1.11" or "1.2.840.10045.4.3.2" => HashAlgorithmName.SHA256,
                "1.2.840.113549.1.1.12" or "1.2.840.10045.4.3.3" => HashAlgorithmName.SHA384,
                "1.2.840.113549.1.1.13" or "1.2.840.10045.4.3.4" => HashAlgorithmName.SHA512,
                _ => null,
            };
            if (hash is not { } name)
            {
                return false;
            }
            if (algorithm.StartsWith("1.2.840.113549", StringComparison.Ordinal))
            {
                using var rsa = signer.GetRSAPublicKey();
                return rsa is not null && rsa.VerifyData(tbs.Span, signature, name, RSASignaturePadding.Pkcs1);
            }
            using var ecdsa = signer.GetECDsaPublicKey();
            return ecdsa is not null && ecdsa.VerifyData(tbs.Span, signature, name, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>True when <paramref name="issuer"/> issued <paramref name="certificate"/> (name and signature).</summary>
    public static bool IssuedBy(X509Certificate2 certificate, X509Certificate2 issuer) =>
        certificate.IssuerName.RawData.AsSpan().SequenceEqual(issuer.SubjectName.RawData) && VerifySigned(certificate.RawData, issuer);

    /// <summary>True when the certificate names itself as issuer.</summary>
    public static bool IsSelfIssued(X509Certificate2 certificate) =>
        certificate.IssuerName.RawData.AsSpan().SequenceEqual(certificate.SubjectName.RawData);

    private enum OcspResponseStatus
    {
        Successful = 0,
        MalformedRequest = 1,
        InternalError = 2,
        TryLater = 3,
        SigRequired = 5,
        Unauthorized = 6,
    }
}
