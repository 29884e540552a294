using System.Security.Cryptography.X509Certificates;
using MicroCredentials.Status;
using MicroCredentials.Verification;

namespace MicroCredentials.Pdf;

/// <summary>
/// Verifies whatever a person uploads: a certificate PDF (its PDF seal, the credential embedded in it, and whether
/// the printed text matches that credential) or anything <see cref="CredentialInputs"/> reads (JSON, JWT, baked
/// PNG/SVG). The verdict rests on the embedded credential's own proof; the PDF seal and printed text are extra
/// checks that can only make it fail.
/// </summary>
public static class CertificateVerification
{
    /// <summary>Verifies an uploaded file.</summary>
    /// <param name="verifier">The credential verifier.</param>
    /// <param name="bytes">The file.</param>
    /// <param name="sealCertificate">Our seal certificate; a PDF sealed by another certificate fails the PDF check.</param>
    /// <param name="localList">Our own status lists.</param>
    /// <param name="cancellationToken">Cancels status list fetching.</param>
    public static async Task<VerificationReport> VerifyAsync(CredentialVerifier verifier, ReadOnlyMemory<byte> bytes,
        X509Certificate2? sealCertificate, Func<string, string, Bitstring?>? localList, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        if (!bytes.Span.StartsWith("%PDF-"u8))
        {
            return await CredentialInputs.VerifyAsync(verifier, bytes, localList, cancellationToken);
        }

        var read = CertificateReader.Read(bytes.Span);
        var credentialText = read.CredentialJson ?? read.CredentialJwt;
        if (credentialText is null)
        {
            var why = read.Verdict is CertificateVerdict.NotAPdf or CertificateVerdict.Damaged
                ? "The PDF is damaged or truncated: " + read.Detail
                : "The PDF carries no embedded credential: it is not a certificate of this issuer.";
            return new VerificationReport
            {
                Verdict = Verdict.Unreadable,
                Checks = [new VerificationCheck(CheckId.Format, CheckOutcome.Fail, VerificationReasons.Malformed, why)],
            };
        }

        var report = await verifier.VerifyTextAsync(credentialText, localList, cancellationToken);
        var checks = report.Checks.ToList();
        checks.Add(SealCheck(read, sealCertificate));
        checks.Add(read.PrintedValues switch
        {
            PrintedValuesCheck.Match => new(CheckId.PrintedText, CheckOutcome.Pass, VerificationReasons.Ok,
                "The name, title and ECTS printed on the certificate match the signed credential inside it."),
            PrintedValuesCheck.Mismatch => new(CheckId.PrintedText, CheckOutcome.Fail, VerificationReasons.SignatureInvalid,
                "The printed text differs from the signed credential inside the PDF: " + string.Join("; ", read.Mismatches)),
            _ => new(CheckId.PrintedText, CheckOutcome.Skipped, VerificationReasons.Ok, "The printed text could not be compared."),
        });

        var pdfFailed = checks.Any(c => c.Id is CheckId.PdfSignature or CheckId.PrintedText && c.Outcome == CheckOutcome.Fail);
        var verdict = pdfFailed && report.Verdict is Verdict.Valid or Verdict.ValidStatusUnknown ? Verdict.NotGenuine : report.Verdict;
        return report with { Verdict = verdict, Checks = checks };
    }

    private static VerificationCheck SealCheck(CertificateReadResult read, X509Certificate2? seal)
    {
        switch (read.Verdict)
        {
            case CertificateVerdict.SignatureValid when seal is null || read.SignerCertificate?.Thumbprint == seal.Thumbprint:
                return new(CheckId.PdfSignature, CheckOutcome.Pass, VerificationReasons.Ok,
                    $"The PDF is sealed by {read.SignerSubject} and was not changed after sealing.");
            case CertificateVerdict.SignatureValid:
                return new(CheckId.PdfSignature, CheckOutcome.Fail, VerificationReasons.UnknownKey,
                    $"The PDF is sealed by {read.SignerSubject}, not by the issuer's seal.");
            case CertificateVerdict.NoSignature:
                return new(CheckId.PdfSignature, CheckOutcome.Warning, VerificationReasons.NoProof,
                    "The PDF itself is not sealed; the embedded credential was checked instead.");
            default:
                return new(CheckId.PdfSignature, CheckOutcome.Fail, VerificationReasons.SignatureInvalid,
                    "The PDF seal is broken: the file was changed after sealing. " + read.Detail);
        }
    }
}
