using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using PdfSharp.Pdf.Signatures;

namespace MicroCredentials.Pdf.Signing;

/// <summary>
/// PDFsharp signer producing a CAdES-style detached CMS: SHA-256, signed attributes content-type, message-digest,
/// signing-time and ESS signing-certificate-v2, the seal certificate included; with a <see cref="TimeStampClient"/>, an
/// unsigned signature-time-stamp attribute (RFC 3161 token over the signature value: PAdES B-T). Before hashing it turns PDFsharp's
/// <c>/SubFilter /adbe.pkcs7.detached</c> into the PAdES value <c>/ETSI.CAdES.detached</c>, and the widget's
/// <c>/Ff 132</c> (PDFsharp writes the annotation flags Print + Locked under the field-flags key) into <c>/F 132</c>,
/// which PDF/A-3 §6.3.2 requires (the print flag set), in the output buffer (same lengths, so no offset moves).
/// </summary>
/// <remarks>
/// The signed bytes are taken from the output buffer by the <c>/ByteRange</c> PDFsharp has just written, not read
/// through PDFsharp's ranged stream: that stream allocates about 8 MB per 100 KB document and took most of the
/// signing time.
/// </remarks>
internal sealed class CmsSealSigner(X509Certificate2 seal, DateTimeOffset signingTime, MemoryStream output,
    TimeStampClient? timeStamps = null, CancellationToken cancellationToken = default) : IDigitalSigner
{
    /// <summary>id-aa-signatureTimeStampToken (RFC 3161 Appendix A).</summary>
    public const string SignatureTimeStampOid = "1.2.840.113549.1.9.16.2.14";

    private static readonly byte[] AdobeSubFilter = Encoding.ASCII.GetBytes("/adbe.pkcs7.detached");
    private static readonly byte[] PadesSubFilter = Encoding.ASCII.GetBytes("/ETSI.CAdES.detached");
    private static readonly byte[] ByteRangeKey = Encoding.ASCII.GetBytes("/ByteRange");
    private static readonly byte[] SignatureFieldType = Encoding.ASCII.GetBytes("/FT/Sig");
    private static readonly byte[] FieldFlags = Encoding.ASCII.GetBytes("/Ff 132");
    private static readonly byte[] AnnotationFlags = Encoding.ASCII.GetBytes("/F 132 ");

    /// <summary>The seal certificate.</summary>
    public X509Certificate2 Certificate => seal;

    /// <inheritdoc />
    public string CertificateName => seal.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

    /// <inheritdoc />
    public Task<int> GetSignatureSizeAsync() =>
        // Certificate + signature value + signed attributes + CMS framing, with room to spare (padding is zeros).
        Task.FromResult(seal.RawData.Length + 2 * KeySizeBytes() + 1024 + (timeStamps is null ? 0 : PdfLimits.MaxTimeStampResponseBytes));

    /// <summary>The time-stamp outcome once the signature is computed; null without a <see cref="TimeStampClient"/>.</summary>
    public TimeStampResult? TimeStamp { get; private set; }

    /// <inheritdoc />
    public async Task<byte[]> GetSignatureAsync(Stream stream)
    {
        // The ranged stream describes exactly the bytes SignedBytes() takes from the buffer.
        _ = stream;
        PatchSubFilter();
        PatchWidgetFlags();
        var content = SignedBytes();
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        // A module key (Keys.SealKeys) signs in the hardware module; otherwise the certificate's own key signs.
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, seal, Keys.SealKeys.PrivateKeyOf(seal))
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1", "sha256"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(signingTime.UtcDateTime));
        signer.SignedAttributes.Add(SigningCertificateV2.Create(seal));
        cms.ComputeSignature(signer, silent: true);
        if (timeStamps is not null)
        {
            var signerInfo = cms.SignerInfos[0];
            TimeStamp = await timeStamps.RequestAsync(signerInfo.GetSignature(), cancellationToken);
            if (TimeStamp.Succeeded)
            {
                signerInfo.AddUnsignedAttribute(new AsnEncodedData(SignatureTimeStampOid, TimeStamp.Token.AsSignedCms().Encode()));
            }
        }
        return cms.Encode();
    }

    // The key size of each seal certificate in use, read once: importing the public key took ~3 % of a seal.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<X509Certificate2, object> KeySizes = [];

    private int KeySizeBytes() => (int)KeySizes.GetValue(seal, static certificate =>
    {
        using var rsa = certificate.GetRSAPublicKey();
        using var ecdsa = rsa is null ? certificate.GetECDsaPublicKey() : null;
        return (rsa?.KeySize ?? ecdsa?.KeySize ?? 4096) / 8 + 16;
    });

    private void PatchSubFilter()
    {
        var buffer = output.GetBuffer().AsSpan(0, (int)output.Length);
        var at = buffer.LastIndexOf(AdobeSubFilter);
        if (at < 0)
        {
            throw new InvalidOperationException("PDFsharp wrote no /SubFilter to replace; the signature layout changed.");
        }
        PadesSubFilter.CopyTo(buffer[at..]);
    }

    private void PatchWidgetFlags()
    {
        var buffer = output.GetBuffer().AsSpan(0, (int)output.Length);
        var field = buffer.LastIndexOf(SignatureFieldType);
        // The flags follow the field type within the same dictionary (PDFsharp writes /V, /FT, /T, /Ff, /DR, /Type, …).
        var flags = field < 0 ? -1 : buffer[field..Math.Min(buffer.Length, field + 256)].IndexOf(FieldFlags);
        if (flags < 0)
        {
            throw new InvalidOperationException("PDFsharp wrote no /Ff 132 on the signature widget; the signature layout changed.");
        }
        AnnotationFlags.CopyTo(buffer[(field + flags)..]);
    }

    private byte[] SignedBytes()
    {
        var buffer = output.GetBuffer().AsSpan(0, (int)output.Length);
        var at = buffer.LastIndexOf(ByteRangeKey);
        if (at < 0)
        {
            throw new InvalidOperationException("PDFsharp wrote no /ByteRange; the signature layout changed.");
        }
        var open = buffer[at..].IndexOf((byte)'[') + at;
        var close = buffer[open..].IndexOf((byte)']') + open;
        var numbers = Encoding.ASCII.GetString(buffer[(open + 1)..close])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
        if (numbers is not [0, var first, var second, var last] || second + last != buffer.Length)
        {
            throw new InvalidOperationException("PDFsharp's /ByteRange does not cover the document.");
        }
        var content = new byte[first + last];
        buffer[..first].CopyTo(content);
        buffer.Slice(second, last).CopyTo(content.AsSpan(first));
        return content;
    }
}
