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
}
