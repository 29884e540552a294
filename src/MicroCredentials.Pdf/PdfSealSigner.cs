using System.Security.Cryptography.X509Certificates;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;

using MicroCredentials.Pdf.Signing;

namespace MicroCredentials.Pdf;

/// <summary>
/// Seals a PDF with the issuer's X.509 seal certificate: an invisible signature field whose CMS (CAdES detached,
/// SHA-256, signing-time, ESS signing-certificate-v2; <c>/SubFilter /ETSI.CAdES.detached</c>) covers the whole
/// file except its own <c>/Contents</c> value — PAdES baseline B-B. With a <see cref="TimeStampClient"/> the CMS also
/// carries an RFC 3161 signature time-stamp (PAdES B-T). The catalogue's <c>/DSS</c> holds the seal certificate, inside
/// the signed revision; with a chain that names CRL or OCSP addresses and a <see cref="RevocationClient"/>, a second DSS
/// with the chain, the TSA's certificates and the revocation data is appended in an incremental update (PAdES B-LT).
/// </summary>
public static class PdfSealSigner
{
    /// <summary>Signs an existing PDF (for example one rendered by <see cref="CertificateDocument.GeneratePdf"/>).</summary>
    /// <param name="pdf">The PDF to sign.</param>
    /// <param name="seal">Seal certificate with its private key (RSA or ECDSA).</param>
    /// <param name="signingTime">Value of the signing-time attribute.</param>
    /// <exception cref="ArgumentException">The certificate has no private key.</exception>
    public static byte[] Sign(byte[] pdf, X509Certificate2 seal, DateTimeOffset signingTime)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        using var input = new MemoryStream(pdf, writable: false);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        return SignDocument(document, seal, signingTime, "Sealed by the issuer");
    }

    /// <summary>
    /// Signs an existing PDF and, with <paramref name="timeStamps"/>, time-stamps the signature (PAdES B-T). When the
    /// time-stamping authority gives no valid token the result holds no PDF and says why: a certificate is stored once,
    /// so one that should carry a time-stamp is never stored without it.
    /// </summary>
    /// <param name="pdf">The PDF to sign.</param>
    /// <param name="seal">Seal certificate with its private key (RSA or ECDSA).</param>
    /// <param name="signingTime">Value of the signing-time attribute.</param>
    /// <param name="timeStamps">The TSA, or null for a B-B seal.</param>
    /// <param name="cancellationToken">Cancels the time-stamp request.</param>
    /// <exception cref="ArgumentException">The certificate has no private key.</exception>
    public static async Task<SealResult> SignAsync(byte[] pdf, X509Certificate2 seal, DateTimeOffset signingTime,
        TimeStampClient? timeStamps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        using var input = new MemoryStream(pdf, writable: false);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        return await SignDocumentAsync(document, seal, signingTime, "Sealed by the issuer", timeStamps, cancellationToken);
    }

    /// <summary>
    /// As <see cref="SignAsync(byte[], X509Certificate2, DateTimeOffset, TimeStampClient?, CancellationToken)"/>, then — when
    /// the seal is time-stamped and its chain names CRL or OCSP addresses — fetches the chain's revocation data through
    /// <paramref name="revocation"/> and appends it as a DSS in an incremental update (PAdES B-LT). A failed fetch leaves
    /// the B-T PDF and says why in <see cref="SealResult.LongTerm"/>.
    /// </summary>
    /// <param name="pdf">The PDF to sign.</param>
    /// <param name="seal">Seal certificate with its private key (RSA or ECDSA).</param>
    /// <param name="chain">The CA certificates of the seal (intermediates and root), as its key file holds them; may be empty.</param>
    /// <param name="signingTime">Value of the signing-time attribute.</param>
    /// <param name="timeStamps">The TSA, or null for a B-B seal.</param>
    /// <param name="revocation">Fetches CRLs and OCSP answers, or null for no long-term validation data.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <exception cref="ArgumentException">The certificate has no private key.</exception>
    public static async Task<SealResult> SignAsync(byte[] pdf, X509Certificate2 seal, IReadOnlyList<X509Certificate2> chain,
        DateTimeOffset signingTime, TimeStampClient? timeStamps, RevocationClient? revocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        using var input = new MemoryStream(pdf, writable: false);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        var result = await SignDocumentAsync(document, seal, signingTime, "Sealed by the issuer", timeStamps, cancellationToken);
        return await AddLongTermAsync(result, seal, chain, revocation, cancellationToken);
    }

    /// <summary>
    /// Adds the long-term validation data to a time-stamped <paramref name="result"/> when <paramref name="chain"/>
    /// names revocation sources; otherwise returns it unchanged.
    /// </summary>
    internal static async Task<SealResult> AddLongTermAsync(SealResult result, X509Certificate2 seal, IReadOnlyList<X509Certificate2> chain,
        RevocationClient? revocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chain);
        if (revocation is null || !result.Succeeded || result.TimeStamp is not { Succeeded: true } stamp || !LongTermValidation.Applies(seal, chain))
        {
            return result;
        }
        var data = await LongTermValidation.CollectAsync(seal, chain, stamp.Token.AsSignedCms().Certificates, revocation, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (!data.Succeeded)
        {
            return result with { LongTerm = data };
        }
        try
        {
            return result with { Pdf = LongTermValidation.AppendDss(result.Pdf, data), LongTerm = data };
        }
        catch (InvalidOperationException e)
        {
            // Our own layout, so not expected; still, validation data never costs the graduate the certificate.
            return result with
            {
                LongTerm = new LongTermResult { Detail = $"No long-term validation data (the seal stays PAdES B-T): it could not be appended ({e.Message})." },
            };
        }
    }

    /// <summary>Attaches the signature handler and saves; the CMS is computed while PDFsharp writes the file.</summary>
    /// <param name="document">The document to seal.</param>
    /// <param name="seal">Seal certificate with its private key.</param>
    /// <param name="signingTime">Value of the signing-time attribute.</param>
    /// <param name="reason">The signature's <c>/Reason</c>.</param>
    /// <param name="saveThrough">A stream the document is written through (the certificate's XMP rewrite), or null.</param>
    /// <param name="afterSave">Checks that stream after the save, or null.</param>
    internal static byte[] SignDocument(PdfDocument document, X509Certificate2 seal, DateTimeOffset signingTime, string reason,
        Func<Stream, Stream>? saveThrough = null, Action<Stream>? afterSave = null)
    {
        var checkedSeal = Checked(seal);
        return CertificateBuffer.Write(output =>
        {
            Prepare(document, new CmsSealSigner(checkedSeal, signingTime, output), reason);
            var target = saveThrough?.Invoke(output) ?? output;
            document.Save(target, closeStream: false);
            afterSave?.Invoke(target);
        });
    }

    /// <summary>As <see cref="SignDocument"/>, asking <paramref name="timeStamps"/> for a signature time-stamp.</summary>
    internal static async Task<SealResult> SignDocumentAsync(PdfDocument document, X509Certificate2 seal, DateTimeOffset signingTime,
        string reason, TimeStampClient? timeStamps, CancellationToken cancellationToken,
        Func<Stream, Stream>? saveThrough = null, Action<Stream>? afterSave = null)
    {
        using var output = new MemoryStream(PdfLimits.CertificateBufferBytes);
        var signer = new CmsSealSigner(Checked(seal), signingTime, output, timeStamps, cancellationToken);
        Prepare(document, signer, reason);
        var target = saveThrough?.Invoke(output) ?? output;
        await document.SaveAsync(target, closeStream: false);
        afterSave?.Invoke(target);
        cancellationToken.ThrowIfCancellationRequested();
        return signer.TimeStamp is { Succeeded: false } failed
            ? new SealResult { TimeStamp = failed }
            : new SealResult { Pdf = output.ToArray(), TimeStamp = signer.TimeStamp };
    }

    private static X509Certificate2 Checked(X509Certificate2 seal)
    {
        ArgumentNullException.ThrowIfNull(seal);
        if (!Keys.SealKeys.CanSign(seal))
        {
            throw new ArgumentException("The seal certificate has no private key.", nameof(seal));
        }
        return seal;
    }

    private static void Prepare(PdfDocument document, CmsSealSigner signer, string reason)
    {
        DocumentSecurityStore.Add(document, [signer.Certificate]);
        var options = new DigitalSignatureOptions
        {
            Reason = reason,
            AppName = "MicroCredentials",
            PageIndex = 0,
            Rectangle = new XRect(0, 0, 0, 0),
        };
        DigitalSignatureHandler.ForDocument(document, signer, options);
    }
}
