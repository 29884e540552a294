namespace MicroCredentials.Host;

/// <summary>Bounds on what the public pages accept from outside (STYLE 17).</summary>
internal static partial class HostLimits
{
    /// <summary>Accept-Language entries tried in order: a browser sends a handful; a longer list only costs parsing.</summary>
    public const int AcceptLanguagesTried = 3;

    /// <summary>Characters of a typed short code kept and shown back (a code is 14 with dashes; room for spaces).</summary>
    public const int TypedCodeLength = 32;

    /// <summary>Pixels of an uploaded photo decoded to look for a QR code (a 48-megapixel phone photo; more is not a photo).</summary>
    public const long QrImagePixels = 48_000_000;

    /// <summary>Longest side an image is scaled down to before the QR search: keeps it fast; a certificate's QR code stays readable.</summary>
    public const int QrImageSide = 2000;

    /// <summary>Pages of an uploaded PDF searched for a printed short code: the code is on page 1 or 2 of a certificate.</summary>
    public const int PdfPagesSearched = 4;

    /// <summary>Images of an uploaded PDF decoded to look for a QR code (a scan has one per page).</summary>
    public const int PdfImagesSearched = 8;

    /// <summary>Code-like strings of a PDF looked up in the store: a certificate prints one code; a crafted PDF gets no more lookups.</summary>
    public const int PdfCodesTried = 4;

    /// <summary>Newest audit entries of a suspended credential searched for its suspension date: it is among the last few status changes.</summary>
    public const int SuspensionAuditEntriesRead = 20;

    /// <summary>Drawn images (certificate previews, badges; about 100 KB each) kept in memory: a few hours of graduates' visits, at most ~25 MB.</summary>
    public const int ImagesCached = 256;

    /// <summary>Uploaded images decoded at once (each up to ~200 MB of pixels for a large PNG): others wait, so memory stays bounded under load.</summary>
    public const int QrImageDecodesAtOnce = 2;
}
