namespace MicroCredentials.Host.Components.Pages.Verify;

/// <summary>The outcomes of reading an uploaded image for a QR code.</summary>
internal enum QrImageOutcome
{
    /// <summary>The bytes are no image the decoder reads (garbage, truncated or unsupported).</summary>
    NotAnImage,

    /// <summary>The image has more than <see cref="HostLimits.QrImagePixels"/> pixels and was not decoded.</summary>
    TooManyPixels,

    /// <summary>The image was decoded; it holds no QR code.</summary>
    NoCode,

    /// <summary>A QR code was found.</summary>
    Found,
}
