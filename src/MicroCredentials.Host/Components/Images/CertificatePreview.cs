using System.Globalization;
using SkiaSharp;
using ZXing;
using ZXing.QrCode;

namespace MicroCredentials.Host.Components.Images;

/// <summary>
/// A picture of the certificate's first page for the graduate's page, where a phone cannot show a PDF inline: the
/// same landscape layout and colours (institution, learner, title, credits, award date, QR code and short code), drawn
/// from the credential. It is a preview only; the PDF is the document.
/// </summary>
internal static class CertificatePreview
{
    /// <summary>Width of the preview in pixels (a landscape A4 page at about 1.4 px per point).</summary>
    public const int Width = 1200;

    /// <summary>Height of the preview in pixels.</summary>
    public const int Height = 848;

    private static readonly SKColor Ink = new(0x22, 0x22, 0x22);
    private static readonly SKColor DemoRed = new(0xB0, 0x00, 0x20, 0x90);

    /// <summary>What the preview shows, already in the page's language.</summary>
    public sealed record Facts(string? Institution, string? Learner, string? Title, string? Ects, string? EqfLevel, DateOnly AwardedOn,
        string VerificationUrl, string ShortCode, bool Demo);

    /// <summary>Draws the preview as PNG bytes, dates and numbers in <paramref name="culture"/>.</summary>
    public static byte[] Png(Facts facts, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(culture);
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        DrawFrame(canvas);

        const float center = Width / 2f;
        var y = ImageText.DrawCentered(canvas, facts.Institution ?? string.Empty, ImageText.SerifBold, 34, 22, ImageText.Navy, center, 70, 900, 2);
        using (var rule = new SKPaint { Color = ImageText.Gold, StrokeWidth = 2, IsAntialias = true })
        {
            canvas.DrawLine(center - 90, y + 22, center + 90, y + 22, rule);
        }

        y = ImageText.DrawCentered(canvas, facts.Learner ?? string.Empty, ImageText.SerifBold, 60, 34, ImageText.Navy, center, y + 70, 960, 2);
        y = ImageText.DrawCentered(canvas, facts.Title ?? string.Empty, ImageText.Serif, 42, 26, Ink, center, y + 30, 960, 2);

        var line = string.Join("   ·   ", new[]
        {
            facts.Ects is { } ects ? Number(ects, culture) + " ECTS" : null,
            facts.EqfLevel is { } eqf ? "EQF " + eqf : null,
            facts.AwardedOn.ToString("d MMMM yyyy", culture),
        }.OfType<string>());
        ImageText.DrawCentered(canvas, line, ImageText.SansBold, 26, 18, ImageText.Gold, center, Math.Max(y + 50, 430), 960, 1);

        DrawQr(canvas, facts.VerificationUrl, new SKRect(Width - 250, Height - 260, Width - 90, Height - 100));
        ImageText.DrawCentered(canvas, facts.ShortCode, ImageText.SansBold, 24, 16, ImageText.Navy, Width - 170, Height - 92, 220, 1);
        if (facts.Demo)
        {
            DrawDemo(canvas);
        }

        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return encoded.ToArray();
    }

    private static void DrawFrame(SKCanvas canvas)
    {
        using var navy = new SKPaint { Color = ImageText.Navy, Style = SKPaintStyle.Stroke, StrokeWidth = 10, IsAntialias = true };
        using var gold = new SKPaint { Color = ImageText.Gold, Style = SKPaintStyle.Stroke, StrokeWidth = 2, IsAntialias = true };
        canvas.DrawRect(new SKRect(20, 20, Width - 20, Height - 20), navy);
        canvas.DrawRect(new SKRect(36, 36, Width - 36, Height - 36), gold);
    }

    // The QR code as on page 1, so the picture can be scanned like the certificate.
    private static void DrawQr(SKCanvas canvas, string url, SKRect area)
    {
        var matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, new Dictionary<EncodeHintType, object> { [EncodeHintType.MARGIN] = 0 });
        var module = area.Width / matrix.Width;
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        for (var row = 0; row < matrix.Height; row++)
        {
            for (var col = 0; col < matrix.Width; col++)
            {
                if (matrix[col, row])
                {
                    canvas.DrawRect(SKRect.Create(area.Left + col * module, area.Top + row * module, module + 0.5f, module + 0.5f), paint);
                }
            }
        }
    }

    private static void DrawDemo(SKCanvas canvas)
    {
        canvas.Save();
        canvas.RotateDegrees(-20, Width / 2f, Height / 2f);
        using var font = new SKFont(ImageText.SansBold, 220);
        using var paint = new SKPaint { Color = DemoRed, IsAntialias = true };
        canvas.DrawText("DEMO", Width / 2f, Height / 2f + 80, SKTextAlign.Center, font, paint);
        canvas.Restore();
    }

    private static string Number(string invariant, CultureInfo culture) =>
        decimal.TryParse(invariant, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d.ToString("0.###", culture) : invariant;
}
