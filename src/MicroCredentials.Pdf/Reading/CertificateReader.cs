using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace MicroCredentials.Pdf;

/// <summary>
/// Reads an uploaded certificate PDF back: the PDF signature's status and signer, the embedded credential files, and
/// whether the printed name, title and ECTS match the embedded credential. Any input gives a result, never an
/// exception: a file that is not ours, damaged or truncated gets a verdict that says so.
/// </summary>
public static partial class CertificateReader
{
    private static readonly byte[] PdfHeader = "%PDF-"u8.ToArray();

    /// <summary>Reads <paramref name="pdf"/>.</summary>
    /// <param name="pdf">The complete file as uploaded.</param>
    public static CertificateReadResult Read(ReadOnlySpan<byte> pdf)
    {
        // PDF 2.0 §7.5.2 lets a reader accept the header anywhere in the first 1024 bytes.
        if (pdf[..Math.Min(pdf.Length, 1024)].IndexOf(PdfHeader) < 0)
        {
            return new CertificateReadResult { Verdict = CertificateVerdict.NotAPdf, Detail = "The file is not a PDF document." };
        }
        var bytes = pdf.ToArray();
        PigDocument document;
        try
        {
            document = PigDocument.Open(bytes);
            _ = document.NumberOfPages;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Damaged("The PDF file is damaged or incomplete and cannot be read.");
        }
        using (document)
        {
            return ReadDocument(document, bytes);
        }
    }

    private static CertificateReadResult ReadDocument(PigDocument document, byte[] bytes)
    {
        var signature = ReadSignature(document, bytes);
        if (signature.Verdict == CertificateVerdict.Damaged)
        {
            return signature;
        }
        var (json, jwt) = ReadEmbeddedCredential(document);
        var (check, mismatches) = json is null ? (PrintedValuesCheck.NotChecked, []) : ComparePrintedValues(document, json);
        return signature with
        {
            CredentialJson = json,
            CredentialJwt = jwt,
            PrintedValues = check,
            Mismatches = mismatches,
            Detail = json is null && signature.Verdict != CertificateVerdict.SignatureInvalid
                ? signature.Detail + " It carries no embedded credential, so it is not a certificate from this issuer."
                : signature.Detail,
        };
    }

    private static (string? Json, string? Jwt) ReadEmbeddedCredential(PigDocument document)
    {
        try
        {
            if (!document.Advanced.TryGetEmbeddedFiles(out var files))
            {
                return (null, null);
            }
            string? Text(string name) => files.FirstOrDefault(f => f.Name == name) is { } file
                ? Encoding.UTF8.GetString(file.Bytes.ToArray())
                : null;
            return (Text(CertificateFiles.CredentialJsonName), Text(CertificateFiles.CredentialJwtName));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A broken attachment stream is reported as "no credential", the signature verdict still stands.
            return (null, null);
        }
    }

    private static CertificateReadResult Damaged(string detail) =>
        new() { Verdict = CertificateVerdict.Damaged, Detail = detail };

    private static string FirstPageText(PigDocument document)
    {
        Page page = document.GetPage(1);
        return string.Join(' ', page.GetWords().Select(w => w.Text));
    }
}
