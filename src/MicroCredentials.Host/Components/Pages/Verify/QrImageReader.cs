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
    public static bool IsImage(ReadOnlySpan<byte> bytes) => IsJpeg(bytes) || bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']);

    /// <summary>True for bytes that begin as a JPEG file does (SOI marker).</summary>
    public static bool IsJpeg(ReadOnlySpan<byte> bytes) => bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]);

    /// <summary>True when an image of this size is decoded: at most <see cref="HostLimits.QrImagePixels"/> pixels, none empty.</summary>
    public static bool WithinPixelBound(long width, long height) => width > 0 && height > 0 && width * height <= HostLimits.QrImagePixels;

    /// <summary>The text of the first QR code in the image, or null (not an image, too large, no code found).</summary>
    public static string? TryRead(ReadOnlyMemory<byte> bytes) => Read(bytes).Text;

    // At most HostLimits.QrImageDecodesAtOnce images are decoded at once; the others wait their turn (or their client leaves).
    private static readonly SemaphoreSlim Decoders = new(HostLimits.QrImageDecodesAtOnce, HostLimits.QrImageDecodesAtOnce);

    /// <summary>The decoder slots (for the bound's test: a test holds them to show that one more decode waits).</summary>
    internal static SemaphoreSlim DecoderSlots => Decoders;

    /// <summary>Decodes the image (bounded) and looks for a QR code; every outcome is a value.</summary>
    /// <remarks>Synchronous, for the PDF reader's images (it runs synchronously itself); it waits for a decoder slot.</remarks>
    public static QrImageRead Read(ReadOnlyMemory<byte> bytes)
    {
        using var data = SKData.CreateCopy(bytes.Span);
        using var codec = SKCodec.Create(data);
        if (codec is null || !WithinPixelBound(codec.Info.Width, codec.Info.Height))
        {
            return new QrImageRead(codec is null ? QrImageOutcome.NotAnImage : QrImageOutcome.TooManyPixels, null);
        }

        Decoders.Wait();
        try
        {
            return Decode(codec);
        }
        finally
        {
            Decoders.Release();
        }
    }

    /// <summary>
    /// Decodes the image and looks for a QR code: an image over <see cref="HostLimits.QrImagePixels"/> is not decoded; a JPEG
    /// is decoded straight at about <see cref="HostLimits.QrImageSide"/> (the codec scales in the DCT domain), other images
    /// are decoded whole and scaled down; at most <see cref="HostLimits.QrImageDecodesAtOnce"/> run at once.
    /// </summary>
    public static async ValueTask<QrImageRead> ReadAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        using var data = SKData.CreateCopy(bytes.Span);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return new QrImageRead(QrImageOutcome.NotAnImage, null);
        }

        if (!WithinPixelBound(codec.Info.Width, codec.Info.Height))
        {
            return new QrImageRead(QrImageOutcome.TooManyPixels, null);
        }

        await Decoders.WaitAsync(ct);
        try
        {
            return Decode(codec);
        }
        finally
        {
            Decoders.Release();
        }
    }

    private static QrImageRead Decode(SKCodec codec)
    {
        var scale = Math.Min(1f, (float)HostLimits.QrImageSide / Math.Max(codec.Info.Width, codec.Info.Height));
        var scaled = scale < 1f ? codec.GetScaledDimensions(scale) : codec.Info.Size;
        using var decoded = scaled.Width < codec.Info.Width && scaled.Width > 0
            ? SKBitmap.Decode(codec, new SKImageInfo(scaled.Width, scaled.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul)) ?? SKBitmap.Decode(codec)
            : SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return new QrImageRead(QrImageOutcome.NotAnImage, null);
        }

        var rest = Math.Min(1.0, (double)HostLimits.QrImageSide / Math.Max(decoded.Width, decoded.Height));
        var info = new SKImageInfo(Math.Max(1, (int)(decoded.Width * rest)), Math.Max(1, (int)(decoded.Height * rest)), SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var rgba = rest < 1.0 || decoded.ColorType != SKColorType.Rgba8888 || decoded.AlphaType != SKAlphaType.Unpremul
            ? decoded.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
            : decoded.Copy();
        if (rgba is null)
        {
            return new QrImageRead(QrImageOutcome.NotAnImage, null);
        }

        var reader = new BarcodeReaderGeneric
        {
            AutoRotate = true,
            Options = new DecodingOptions { TryHarder = true, PossibleFormats = [BarcodeFormat.QR_CODE] },
        };
        var text = reader.Decode(new RGBLuminanceSource(rgba.Bytes, rgba.Width, rgba.Height, RGBLuminanceSource.BitmapFormat.RGBA32))?.Text;
        return new QrImageRead(text is null ? QrImageOutcome.NoCode : QrImageOutcome.Found, text);
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
