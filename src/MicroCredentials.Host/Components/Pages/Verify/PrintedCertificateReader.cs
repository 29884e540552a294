using System.Text.RegularExpressions;
using MicroCredentials.Data.Issuance;
using UglyToad.PdfPig;

namespace MicroCredentials.Host.Components.Pages.Verify;

/// <summary>
/// A PDF without an embedded credential — a certificate "printed to PDF" or scanned — still shows what leads to the
/// genuine one: the short code printed under the QR code (read from the text) or the QR code itself (read from the
/// PDF's images). Only the first <see cref="HostLimits.PdfPagesSearched"/> pages and
/// <see cref="HostLimits.PdfImagesSearched"/> images are looked at.
/// </summary>
internal static partial class PrintedCertificateReader
{
    /// <summary>What was found: the short codes printed (candidates, in page order), or a QR code's text.</summary>
    public sealed record Found(IReadOnlyList<string> ShortCodes, string? QrText);

    /// <summary>Searches the PDF's text for a short code, then its images for a QR code.</summary>
    public static Found Read(ReadOnlyMemory<byte> pdf)
    {
        try
        {
            using var document = PdfDocument.Open(pdf.ToArray());
            var pages = document.GetPages().Take(HostLimits.PdfPagesSearched).ToList();
            // Text runs are joined without spaces ("Verification code5W5D-5MWE-YEK4This"), so no word boundaries.
            var codes = pages.SelectMany(p => ShortCode().Matches(p.Text)).Select(m => CredentialHandles.NormalizeShortCode(m.Value))
                .OfType<string>().Distinct().Take(HostLimits.PdfCodesTried).ToList();
            if (codes.Count > 0)
            {
                return new Found(codes, null);
            }

            foreach (var image in pages.SelectMany(p => p.GetImages()).Take(HostLimits.PdfImagesSearched))
            {
                var bytes = image.TryGetPng(out var png) ? png : image.RawBytes.ToArray();
                if (QrImageReader.IsImage(bytes) && QrImageReader.TryRead(bytes) is { } text)
                {
                    return new Found([], text);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // A PDF PdfPig cannot read is simply one in which nothing was found; the verifier already said why it is unreadable.
        }

        return new Found([], null);
    }

    // Three groups of four Crockford base32 characters (no I, L, O, U), as printed under the QR code.
    [GeneratedRegex("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")]
    private static partial Regex ShortCode();
}
