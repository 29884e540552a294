using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using UglyToad.PdfPig.AcroForms.Fields;
using UglyToad.PdfPig.Tokens;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace MicroCredentials.Pdf;

public static partial class CertificateReader
{
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";

    /// <summary>
    /// Verifies the first signature field:
    /// <list type="number">
    /// <item>read <c>/ByteRange [a b c d]</c> from the signature dictionary;</item>
    /// <item>require a = 0, the gap [a+b, c) to be exactly the <c>&lt;hex&gt;</c> of <c>/Contents</c>, and c + d = file
    /// length (the whole file is signed; fewer bytes mean truncation) — or more bytes that are exactly one incremental
    /// update adding long-term validation data (<see cref="CheckDssUpdate"/>); any other change after signing is refused;</item>
    /// <item>decode the CMS from the gap, check its SHA-256 message digest over the two ranges and the signature
    /// value with the embedded signer certificate (<see cref="SignedCms.CheckSignature(bool)"/>).</item>
    /// </list>
    /// </summary>
    private static CertificateReadResult ReadSignature(PigDocument document, byte[] bytes)
    {
        DictionaryToken? signature;
        try
        {
            signature = FindSignatureDictionary(document);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Damaged("The PDF's form structure is damaged; its signature cannot be read.");
        }
        if (signature is null)
        {
            return new() { Verdict = CertificateVerdict.NoSignature, Detail = "The PDF is not signed." };
        }
        var subFilter = signature.TryGet(NameToken.SubFilter, out var subFilterToken) && subFilterToken is NameToken name
            ? name.Data : null;
        if (!signature.TryGet(NameToken.Create("ByteRange"), out var rangeToken) || rangeToken is not ArrayToken range
            || range.Length != 4 || range.Data.Any(t => t is not NumericToken))
        {
            return Invalid("The signature has no valid /ByteRange.", subFilter);
        }
        var r = range.Data.Select(t => ((NumericToken)t).Long).ToArray();
        if (r[0] != 0 || r[1] < 0 || r[2] < r[1] + 2 || r[3] < 0)
        {
            return Invalid("The signature's /ByteRange does not describe the document.", subFilter);
        }
        if (r[2] + r[3] > bytes.Length)
        {
            return Damaged("The PDF file is truncated: it is shorter than the part its signature covers.");
        }
        if (bytes[r[1]] != (byte)'<' || bytes[r[2] - 1] != (byte)'>')
        {
            return Invalid("The signature's /ByteRange leaves more than its /Contents unsigned.", subFilter);
        }
        // Bytes after the signed revision: only an incremental update that adds long-term validation data (a DSS).
        var updated = r[2] + r[3] < bytes.Length;
        if (updated && CheckDssUpdate(document, bytes, (int)(r[2] + r[3])) is { } changed)
        {
            return Invalid(changed, subFilter);
        }
        var verified = VerifyCms(bytes, r, subFilter);
        return verified.Verdict == CertificateVerdict.SignatureValid ? ReadLongTerm(document, verified, updated) : verified;
    }

    private static CertificateReadResult VerifyCms(byte[] bytes, long[] r, string? subFilter)
    {
        byte[] cmsBytes;
        try
        {
            var hex = System.Text.Encoding.ASCII.GetString(bytes, (int)r[1] + 1, (int)(r[2] - r[1] - 2));
            cmsBytes = Convert.FromHexString(hex);
            // The placeholder is padded with zeros after the DER value: keep exactly one encoded value.
            AsnDecoder.ReadEncodedValue(cmsBytes, AsnEncodingRules.BER, out _, out _, out var length);
            cmsBytes = cmsBytes[..length];

            // The padding is zeros and the hex is written as we write it (upper case): /Contents is outside the signed
            // bytes, so any other spelling of the same seal is a changed file, not the original certificate.
            if (!string.Equals(hex, Convert.ToHexString(cmsBytes) + new string('0', hex.Length - (2 * length)), StringComparison.Ordinal))
            {
                return Invalid("The signature value carries other bytes than its CMS structure and zero padding.", subFilter);
            }
        }
        catch (Exception e) when (e is FormatException or AsnContentException)
        {
            return Invalid("The signature value is not a CMS structure.", subFilter);
        }
        var content = new byte[r[1] + r[3]];
        Array.Copy(bytes, r[0], content, 0, r[1]);
        Array.Copy(bytes, r[2], content, r[1], r[3]);
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        try
        {
            cms.Decode(cmsBytes);
        }
        catch (CryptographicException)
        {
            return Invalid("The signature value is not a CMS structure.", subFilter);
        }
        if (cms.SignerInfos.Count != 1)
        {
            return Invalid("The signature must have exactly one signer.", subFilter);
        }
        var signer = cms.SignerInfos[0];
        var signingTime = signer.SignedAttributes.Cast<CryptographicAttributeObject>()
            .SelectMany(a => a.Values.Cast<AsnEncodedData>()).OfType<Pkcs9SigningTime>().FirstOrDefault()?.SigningTime;
        var result = new CertificateReadResult
        {
            Verdict = CertificateVerdict.SignatureValid,
            Detail = "The PDF signature is valid and covers the whole document.",
            SignerCertificate = signer.Certificate,
            SigningTime = signingTime is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null,
            SubFilter = subFilter,
        };
        if (signer.DigestAlgorithm.Value != Sha256Oid)
        {
            return result with { Verdict = CertificateVerdict.SignatureInvalid, Detail = "The signature does not use SHA-256." };
        }
        try
        {
            // Checks the message-digest attribute against the signed ranges and the signature value (no chain check:
            // trust in the seal certificate is the caller's decision).
            cms.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return result with
            {
                Verdict = CertificateVerdict.SignatureInvalid,
                Detail = "The PDF signature does not match the document: it was altered after signing.",
            };
        }
        return ReadTimeStamp(signer, result);
    }

    private static CertificateReadResult Invalid(string detail, string? subFilter) =>
        new() { Verdict = CertificateVerdict.SignatureInvalid, Detail = detail, SubFilter = subFilter };

    private static DictionaryToken? FindSignatureDictionary(PigDocument document)
    {
        if (!document.TryGetForm(out var form))
        {
            return null;
        }
        foreach (var field in form.Fields.OfType<AcroSignatureField>())
        {
            if (field.Dictionary.TryGet(NameToken.V, out var value) && Resolve(document, value) is DictionaryToken dictionary)
            {
                return dictionary;
            }
        }
        return null;
    }

    private static IToken Resolve(PigDocument document, IToken token) =>
        token is IndirectReferenceToken reference ? document.Structure.GetObject(reference.Data).Data : token;
}
