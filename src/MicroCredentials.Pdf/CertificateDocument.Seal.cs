using System.Security.Cryptography.X509Certificates;
using MicroCredentials.Pdf.Signing;

namespace MicroCredentials.Pdf;

public sealed partial class CertificateDocument
{
    /// <summary>
    /// Renders the certificate and seals it with <paramref name="seal"/>, time-stamped by <paramref name="timeStamps"/>
    /// when given (PAdES B-T; see <see cref="PdfSealSigner.SignAsync"/>: no PDF when the TSA gives no valid token).
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
}
