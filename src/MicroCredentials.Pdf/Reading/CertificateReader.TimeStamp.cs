using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using MicroCredentials.Pdf.Signing;

namespace MicroCredentials.Pdf;

public static partial class CertificateReader
{
    /// <summary>
    /// Checks the seal's unsigned signature-time-stamp attribute (RFC 3161 Appendix A, PAdES B-T), when present: exactly
    /// one token, its imprint is SHA-256 (or another hash it names) of this signer's signature value, its signature
    /// verifies with the certificate it carries, and that certificate is a time-stamping one. A token that fails is a
    /// changed seal (<c>/Contents</c> is outside the signed bytes, so only such a check notices), not a missing one.
    /// </summary>
    private static CertificateReadResult ReadTimeStamp(SignerInfo signer, CertificateReadResult result)
    {
        var values = signer.UnsignedAttributes.Cast<CryptographicAttributeObject>()
            .Where(a => a.Oid.Value == CmsSealSigner.SignatureTimeStampOid).SelectMany(a => a.Values.Cast<AsnEncodedData>()).ToList();
        if (values.Count == 0)
        {
            return result;
        }
        var invalid = result with
        {
            Verdict = CertificateVerdict.SignatureInvalid,
            Detail = "The seal's time-stamp does not verify: the signature value or its time-stamp was altered.",
        };
        if (values.Count != 1 || !Rfc3161TimestampToken.TryDecode(values[0].RawData, out var token, out var consumed)
            || consumed != values[0].RawData.Length)
        {
            return invalid;
        }
        try
        {
            if (!token.VerifySignatureForSignerInfo(signer, out var authority) || authority is null
                || !TimeStampClient.HasTimeStampingUsage(authority))
            {
                return invalid;
            }
            return result with
            {
                TimeStampTime = token.TokenInfo.Timestamp,
                TimeStampCertificate = authority,
                Detail = result.Detail + $" It is time-stamped at {token.TokenInfo.Timestamp:u} by {authority.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false)}.",
            };
        }
        catch (CryptographicException)
        {
            return invalid;
        }
    }
}
