using System.Security.Cryptography.X509Certificates;
using MicroCredentials.Pdf.Signing;

namespace MicroCredentials.Pdf;

public sealed partial class CertificateDocument
{
    /// <summary>
    /// Renders the certificate and seals it with <paramref name="seal"/>, time-stamped by <paramref name="timeStamps"/>
    /// when given (PAdES B-T; see <see cref="PdfSealSigner.SignAsync(byte[], X509Certificate2, DateTimeOffset, TimeStampClient?, CancellationToken)"/>: no PDF when the TSA gives no valid token).
    /// </summary>
    /// <param name="seal">The issuer's seal certificate with its private key.</param>
    /// <param name="signingTime">The signing-time attribute (from the caller's clock).</param>
    /// <param name="timeStamps">The time-stamping authority, or null for a B-B seal.</param>
    /// <param name="cancellationToken">Cancels the time-stamp request.</param>
    public async Task<SealResult> GenerateSignedPdfAsync(X509Certificate2 seal, DateTimeOffset signingTime, TimeStampClient? timeStamps,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seal);
        using var document = Compose();
        return await PdfSealSigner.SignDocumentAsync(document, seal, signingTime, $"Issued by {_facts.Institution}", timeStamps,
            cancellationToken, output => SaveThrough(document, output), EnsureRewritten);
    }

    /// <summary>
    /// As <see cref="GenerateSignedPdfAsync(X509Certificate2, DateTimeOffset, TimeStampClient?, CancellationToken)"/>, then
    /// adds the seal chain's long-term validation data (PAdES B-LT) when the seal is time-stamped and
    /// <paramref name="chain"/> names CRL or OCSP addresses (see <see cref="PdfSealSigner.SignAsync(byte[], X509Certificate2, IReadOnlyList{X509Certificate2}, DateTimeOffset, TimeStampClient?, RevocationClient?, CancellationToken)"/>).
    /// </summary>
    /// <param name="seal">The issuer's seal certificate with its private key.</param>
    /// <param name="chain">The seal's CA certificates (intermediates, root); may be empty.</param>
    /// <param name="signingTime">The signing-time attribute (from the caller's clock).</param>
    /// <param name="timeStamps">The time-stamping authority, or null for a B-B seal.</param>
    /// <param name="revocation">Fetches CRLs and OCSP answers, or null for none.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<SealResult> GenerateSignedPdfAsync(X509Certificate2 seal, IReadOnlyList<X509Certificate2> chain, DateTimeOffset signingTime,
        TimeStampClient? timeStamps, RevocationClient? revocation, CancellationToken cancellationToken)
    {
        var result = await GenerateSignedPdfAsync(seal, signingTime, timeStamps, cancellationToken);
        return await PdfSealSigner.AddLongTermAsync(result, seal, chain, revocation, cancellationToken);
    }
}
