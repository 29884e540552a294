namespace MicroCredentials.Pdf;

/// <summary>Bounds on what rendering keeps between certificates (STYLE 17): caches shared by the signing threads.</summary>
public static partial class PdfLimits
{
    /// <summary>
    /// Most PDFsharp fonts (family, size, style) kept for reuse across certificates: 256. A certificate uses about 40
    /// (the named styles, and the sizes the shrink-to-fit loops step through); the sizes come in half-point and 5 %
    /// steps from the styles, so 256 holds every Latin certificate, and a font past the bound is simply made afresh.
    /// </summary>
    public const int MaxCachedFonts = 256;

    /// <summary>
    /// Bytes set aside for a certificate being written: 192 KiB, above a sealed certificate (about 130 KB) so the
    /// buffer is allocated once instead of doubling through every size up to it; a larger file still grows the buffer.
    /// </summary>
    public const int CertificateBufferBytes = 192 * 1024;
}
