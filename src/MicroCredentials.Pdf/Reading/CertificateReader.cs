using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace MicroCredentials.Pdf;

/// <summary>
/// Reads an uploaded certificate PDF back: the PDF signature's status and signer, the embedded credential files, and
/// whether the printed text is the certificate drawn from the embedded credential. Any input gives a result, never
/// an exception: a file that is not ours, damaged, truncated or over a <see cref="PdfLimits"/> bound gets a verdict
/// that says so. Every stream is measured through a cap before the PDF library parses the file.
/// </summary>
public static partial class CertificateReader
{
    private static readonly byte[] PdfHeader = "%PDF-"u8.ToArray();

    /// <summary>Reads <paramref name="pdf"/>.</summary>
    /// <param name="pdf">The complete file as uploaded.</param>
    public static CertificateReadResult Read(ReadOnlySpan<byte> pdf) => Read(pdf, CancellationToken.None);

    /// <summary>Reads <paramref name="pdf"/>, stopping when <paramref name="cancellationToken"/> fires.</summary>
    /// <param name="pdf">The complete file as uploaded.</param>
    /// <param name="cancellationToken">The request's token: a client that has gone stops the work.</param>
    /// <exception cref="OperationCanceledException">The token fired.</exception>
    public static CertificateReadResult Read(ReadOnlySpan<byte> pdf, CancellationToken cancellationToken)
    {
        // PDF 2.0 §7.5.2 lets a reader accept the header anywhere in the first 1024 bytes.
        if (pdf[..Math.Min(pdf.Length, 1024)].IndexOf(PdfHeader) < 0)
        {
            return new CertificateReadResult { Verdict = CertificateVerdict.NotAPdf, Detail = "The file is not a PDF document." };
        }
        if (pdf.Length > PdfLimits.MaxPdfBytes)
        {
            return TooLarge($"The PDF is larger than {PdfLimits.MaxPdfBytes / 1024 / 1024} MiB; a certificate is about 100 KB.");
        }
        var bytes = pdf.ToArray();
        if (PdfPreflight.Check(bytes, cancellationToken) is { } problem)
        {
            return TooLarge(problem);
        }
        PigDocument document;
        try
        {
            document = PigDocument.Open(bytes, ReadingOptions);
            _ = document.NumberOfPages;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Damaged("The PDF file is damaged or incomplete and cannot be read.");
        }
        using (document)
        {
            try
            {
                return ReadDocument(document, bytes, cancellationToken);
            }
            catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
            {
                return Damaged("The PDF file is damaged and its pages cannot be read.");
            }
        }
    }

    private static CertificateReadResult ReadDocument(PigDocument document, byte[] bytes, CancellationToken cancellationToken)
    {
        var signature = ReadSignature(document, bytes);
        if (signature.Verdict == CertificateVerdict.Damaged)
        {
            return signature;
        }
        cancellationToken.ThrowIfCancellationRequested();
        var (json, jwt, problem) = ReadEmbeddedCredential(document, cancellationToken);
        if (problem is not null)
        {
            return TooLarge(problem);
        }
        var printedFrom = json ?? (jwt is null ? null : JwtPayload(jwt));
        var printed = printedFrom is null ? null : ComparePrintedText(document, printedFrom, cancellationToken);
        return signature with
        {
            CredentialJson = json,
            CredentialJwt = jwt,
            PrintedValues = printed is null ? PrintedValuesCheck.NotChecked : printed.Matches ? PrintedValuesCheck.Match : PrintedValuesCheck.Mismatch,
            Mismatches = printed?.MissingFacts ?? [],
            PrintedDifference = printed?.Difference,
            Detail = json is null && jwt is null && signature.Verdict != CertificateVerdict.SignatureInvalid
                ? signature.Detail + " It carries no embedded credential, so it is not a certificate from this issuer."
                : signature.Detail,
        };
    }

    private static CertificateReadResult Damaged(string detail) =>
        new() { Verdict = CertificateVerdict.Damaged, Detail = detail };

    private static CertificateReadResult TooLarge(string detail) =>
        new() { Verdict = CertificateVerdict.TooLarge, Detail = detail };
}
