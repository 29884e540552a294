using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace MicroCredentials.Host.Components.Pages.Verify;

/// <summary>
/// Reads the QR code in a photo or screenshot of a certificate (JPEG or PNG): SkiaSharp decodes the image, ZXing.Net
/// finds the code. Large photos are scaled down first; an image over <see cref="HostLimits.QrImagePixels"/> is not decoded.
/// </summary>
internal static class QrImageReader
{
    /// <summary>True for JPEG or PNG bytes.</summary>
    public static bool IsImage(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']);

    /// <summary>The text of the first QR code in the image, or null (not an image, too large, no code found).</summary>
    public static string? TryRead(ReadOnlyMemory<byte> bytes)
    {
        using var data = SKData.CreateCopy(bytes.Span);
        using var codec = SKCodec.Create(data);
        if (codec is null || (long)codec.Info.Width * codec.Info.Height is var pixels && (pixels == 0 || pixels > HostLimits.QrImagePixels))
        {
            return null;
        }

        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return null;
        }

        var scale = Math.Min(1.0, (double)HostLimits.QrImageSide / Math.Max(decoded.Width, decoded.Height));
        var info = new SKImageInfo(Math.Max(1, (int)(decoded.Width * scale)), Math.Max(1, (int)(decoded.Height * scale)), SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var rgba = decoded.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        if (rgba is null)
        {
            return null;
        }

        var reader = new BarcodeReaderGeneric
        {
            AutoRotate = true,
            Options = new DecodingOptions { TryHarder = true, PossibleFormats = [BarcodeFormat.QR_CODE] },
        };
        return reader.Decode(new RGBLuminanceSource(rgba.Bytes, rgba.Width, rgba.Height, RGBLuminanceSource.BitmapFormat.RGBA32))?.Text;
    }

    /// <summary>The handle of one of our verification links (<c>&lt;PublicBaseUrl&gt;/v/&lt;handle&gt;</c>), or null for any other text.</summary>
    public static string? OurHandle(string? text, Uri publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        if (text is null || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url)
            || !string.Equals(url.Authority, publicBaseUrl.Authority, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var basePath = publicBaseUrl.AbsolutePath.TrimEnd('/');
        var path = url.AbsolutePath;
        if (!path.StartsWith(basePath + "/v/", StringComparison.Ordinal))
        {
            return null;
        }

        var handle = path[(basePath.Length + 3)..];
        return handle.Length is > 0 and <= 64 && handle.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? handle : null;
    }
}
