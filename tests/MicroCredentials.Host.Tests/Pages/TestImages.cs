using QRCoder;
using SkiaSharp;

namespace MicroCredentials.Host.Tests.Pages;

/// <summary>Images as phones and codecs write them: screenshots with a QR code, JPEGs whose header claims another size.</summary>
internal static class TestImages
{
    /// <summary>A grey page of <paramref name="width"/>×<paramref name="height"/> with the QR code of <paramref name="url"/> in it.</summary>
    public static byte[] Screenshot(string url, SKEncodedImageFormat format, int width = 1170, int height = 2532, int qrScale = 8)
    {
        using var qrData = new QRCodeGenerator().CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(qrData).GetGraphic(qrScale);
        using var qr = SKBitmap.Decode(png);
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(new SKColor(0xF0, 0xF0, 0xEE));
        using var image = SKImage.FromBitmap(qr);
        surface.Canvas.DrawImage(image, Math.Max(0, (width - qr.Width) / 2), Math.Max(0, (height - qr.Height) / 2), new SKSamplingOptions(SKFilterMode.Nearest));
        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(format, 85);
        return encoded.ToArray();
    }

    /// <summary>A small real JPEG whose frame header (SOF0) is rewritten to claim <paramref name="width"/>×<paramref name="height"/>.</summary>
    public static byte[] JpegClaiming(int width, int height)
    {
        var jpeg = Screenshot("https://example.org/", SKEncodedImageFormat.Jpeg, 64, 64);
        for (var i = 2; i < jpeg.Length - 9; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xC0)
            {
                // Marker, length (2), precision (1), then height and width, big-endian.
                jpeg[i + 5] = (byte)(height >> 8);
                jpeg[i + 6] = (byte)height;
                jpeg[i + 7] = (byte)(width >> 8);
                jpeg[i + 8] = (byte)width;
                return jpeg;
            }
        }

        throw new InvalidOperationException("The encoder wrote no baseline frame header.");
    }
}
