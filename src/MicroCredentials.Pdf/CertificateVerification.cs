using System.Security.Cryptography.X509Certificates;
using MicroCredentials.Status;
using MicroCredentials.Verification;

namespace MicroCredentials.Pdf;

/// <summary>
/// Verifies whatever a person uploads: a certificate PDF (its PDF seal, the credential embedded in it, and whether
/// the printed text is the certificate drawn from that credential) or anything <see cref="CredentialInputs"/> reads
/// (JSON, JWT, baked PNG/SVG). A PDF gets two verdicts in one report: the credential's (its own proof), and the
/// document's — <em>the original certificate</em> only when our seal certificate signed the whole file.
/// <list type="bullet">
/// <item>Our seal over the whole file: the credential's verdict stands (a valid credential reads valid).</item>
/// <item>Not sealed by us (unsealed, foreign seal, changed after sealing) and the printed text is exactly the
/// certificate drawn from the credential: <see cref="Verdict.DocumentNotOriginal"/> instead of valid.</item>
/// <item>Not sealed by us and the printed text differs (other words, hidden, tiny or moved text):
/// <see cref="Verdict.NotGenuine"/> — the document shows what the credential does not say.</item>
/// </list>
/// </summary>
public static class CertificateVerification
{
    /// <summary>
    /// Verifies an uploaded file against every seal certificate the issuer has had (newest first; after a key rotation a
    /// PDF sealed with the earlier certificate is still the original certificate).
    /// </summary>
    /// <param name="verifier">The credential verifier.</param>
    /// <param name="bytes">The file.</param>
    /// <param name="sealCertificates">Our seal certificates, current first.</param>
    /// <param name="localList">Our own status lists.</param>
    /// <param name="cancellationToken">The request's token: stops reading, inflating and status list fetching.</param>
    public static Task<VerificationReport> VerifyAsync(CredentialVerifier verifier, ReadOnlyMemory<byte> bytes,
        IReadOnlyList<X509Certificate2> sealCertificates, Func<string, string, Bitstring?>? localList, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sealCertificates);
        X509Certificate2? seal = sealCertificates.Count > 0 ? sealCertificates[0] : null;
        if (sealCertificates.Count > 1 && bytes.Span.StartsWith("%PDF-"u8)
            && CertificateReader.Read(bytes.Span, cancellationToken).SignerCertificate is { } signer)
        {
            seal = sealCertificates.FirstOrDefault(c => signer.RawDataMemory.Span.SequenceEqual(c.RawDataMemory.Span)) ?? seal;
        }

        return VerifyAsync(verifier, bytes, seal, localList, cancellationToken);
    }

    /// <summary>Verifies an uploaded file.</summary>
    /// <param name="verifier">The credential verifier.</param>
    /// <param name="bytes">The file.</param>
    /// <param name="sealCertificate">Our seal certificate; without one no PDF can be the original certificate.</param>
    /// <param name="localList">Our own status lists.</param>
    /// <param name="cancellationToken">The request's token: stops reading, inflating and status list fetching.</param>
    public static async Task<VerificationReport> VerifyAsync(CredentialVerifier verifier, ReadOnlyMemory<byte> bytes,
        X509Certificate2? sealCertificate, Func<string, string, Bitstring?>? localList, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        if (!bytes.Span.StartsWith("%PDF-"u8))
        {
            return await CredentialInputs.VerifyAsync(verifier, bytes, localList, cancellationToken);
        }

        var read = CertificateReader.Read(bytes.Span, cancellationToken);
        var credentialText = read.CredentialJson ?? read.CredentialJwt;
        if (read.Verdict is CertificateVerdict.NotAPdf or CertificateVerdict.Damaged or CertificateVerdict.TooLarge || credentialText is null)
        {
            var why = read.Verdict switch
            {
                CertificateVerdict.TooLarge => "The PDF cannot be read within our limits: " + read.Detail,
                CertificateVerdict.NotAPdf or CertificateVerdict.Damaged => "The PDF is damaged or truncated: " + read.Detail,
                _ => "The PDF carries no embedded credential: it is not a certificate of this issuer.",
            };
            return CredentialInputs.Unreadable(why);
        }

        var report = await verifier.VerifyTextAsync(credentialText, localList, cancellationToken);
        var original = IsOriginal(read, sealCertificate);
        var checks = report.Checks.ToList();
        checks.Add(SealCheck(read, sealCertificate, original));
        checks.Add(PrintedCheck(read, original));
        return report with
        {
            Verdict = DocumentVerdict(report.Verdict, original, read.PrintedValues),
            Checks = checks,
            SealTimeStamp = original ? read.TimeStampTime : null,
            SealTimeStampAuthority = original ? read.TimeStampAuthority : null,
        };
    }

    /// <summary>Our seal certificate signed the whole file and the signature verifies.</summary>
    private static bool IsOriginal(CertificateReadResult read, X509Certificate2? seal) =>
        seal is not null && read.Verdict == CertificateVerdict.SignatureValid
        && read.SignerCertificate is { } signer && signer.RawDataMemory.Span.SequenceEqual(seal.RawDataMemory.Span);

    private static Verdict DocumentVerdict(Verdict credential, bool original, PrintedValuesCheck printed)
    {
        if (original || credential is Verdict.NotGenuine or Verdict.UnknownIssuer or Verdict.Unreadable)
        {
            return credential;
        }
        // The credential is genuine; the document is not ours.
        if (printed != PrintedValuesCheck.Match)
        {
            return Verdict.NotGenuine;
        }
        return credential is Verdict.Valid or Verdict.ValidStatusUnknown ? Verdict.DocumentNotOriginal : credential;
    }

    private static VerificationCheck SealCheck(CertificateReadResult read, X509Certificate2? seal, bool original)
    {
        const string notOriginal = " This PDF is not the certificate the institution issued; compare it with the verification page.";
        if (original)
        {
            return new(CheckId.PdfSignature, CheckOutcome.Pass, VerificationReasons.Ok,
                $"The PDF is sealed by the issuer ({read.SignerSubject}) and was not changed after sealing: it is the original certificate."
                + (read.TimeStampTime is { } at ? $" Sealed at {at:u} (time-stamped by {read.TimeStampAuthority})." : string.Empty));
        }
        return read.Verdict switch
        {
            CertificateVerdict.SignatureValid when seal is null => new(CheckId.PdfSignature, CheckOutcome.Fail, VerificationReasons.UnknownKey,
                $"The PDF is sealed by {read.SignerSubject}, but this service has no seal certificate to recognise the issuer's seal." + notOriginal),
            CertificateVerdict.SignatureValid => new(CheckId.PdfSignature, CheckOutcome.Fail, VerificationReasons.UnknownKey,
                $"The PDF is sealed by {read.SignerSubject}, not with the issuer's seal." + notOriginal),
            CertificateVerdict.NoSignature => new(CheckId.PdfSignature, CheckOutcome.Fail, VerificationReasons.NoProof,
                "The PDF is not sealed." + notOriginal),
            // The seal's own long-term validation data says its certificate was revoked before the seal was made.
            CertificateVerdict.SignatureInvalid when read.SealRevokedAt is not null => new(CheckId.PdfSignature, CheckOutcome.Fail,
                VerificationReasons.SignatureInvalid, read.Detail + notOriginal),
            _ => new(CheckId.PdfSignature, CheckOutcome.Fail, VerificationReasons.SignatureInvalid,
                "The PDF seal is broken: the file was changed after sealing. " + read.Detail + notOriginal),
        };
    }

    private static VerificationCheck PrintedCheck(CertificateReadResult read, bool original)
    {
        var missing = read.Mismatches.Count > 0 ? $" Not legible on the page: {string.Join(", ", read.Mismatches)}." : string.Empty;
        return read.PrintedValues switch
        {
            PrintedValuesCheck.Match => new(CheckId.PrintedText, CheckOutcome.Pass, VerificationReasons.Ok,
                "Every value printed on the PDF is the signed credential's, laid out exactly as the certificate is."),
            // Under our intact seal the text is ours by construction; a difference means an earlier layout version.
            PrintedValuesCheck.Mismatch when original => new(CheckId.PrintedText, CheckOutcome.Warning, VerificationReasons.Ok,
                "The sealed certificate's layout differs from the current one (an earlier version): " + read.PrintedDifference + missing),
            PrintedValuesCheck.Mismatch => new(CheckId.PrintedText, CheckOutcome.Fail, VerificationReasons.SignatureInvalid,
                "The PDF prints text that is not the signed credential's: " + read.PrintedDifference + missing),
            _ => new(CheckId.PrintedText, CheckOutcome.Skipped, VerificationReasons.NotChecked, "The printed text could not be compared."),
        };
    }
}
