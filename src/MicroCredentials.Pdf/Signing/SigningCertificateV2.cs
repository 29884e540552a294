using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MicroCredentials.Pdf.Signing;

/// <summary>
/// The ESS <c>signing-certificate-v2</c> signed attribute (RFC 5035 §3; required by CAdES/PAdES baseline), which binds
/// the signature to the seal certificate by its SHA-256 hash so the certificate cannot be swapped.
/// </summary>
internal static class SigningCertificateV2
{
    /// <summary>id-aa-signingCertificateV2.</summary>
    public const string Oid = "1.2.840.113549.1.9.16.2.47";

    /// <summary>
    /// Encodes <c>SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }</c> with one
    /// <c>ESSCertIDv2 ::= SEQUENCE { certHash OCTET STRING, issuerSerial IssuerSerial }</c>; the hash algorithm is
    /// omitted because SHA-256 is its DEFAULT (DER forbids encoding a default).
    /// </summary>
    public static AsnEncodedData Create(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteOctetString(SHA256.HashData(certificate.RawData));
                    using (writer.PushSequence())
                    {
                        // IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber CertificateSerialNumber }
                        using (writer.PushSequence())
                        {
                            // GeneralName directoryName [4] EXPLICIT Name
                            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
                            {
                                writer.WriteEncodedValue(certificate.IssuerName.RawData);
                            }
                        }
                        writer.WriteInteger(certificate.SerialNumberBytes.Span, Asn1Tag.Integer);
                    }
                }
            }
        }
        return new AsnEncodedData(Oid, writer.Encode());
    }
}
