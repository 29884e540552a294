using MicroCredentials.Baking;
using SkiaSharp;

namespace MicroCredentials.Host.Components.Images;

/// <summary>
/// The badge image of one micro-credential: the navy and gold seal of <see cref="DefaultBadge"/> above the
/// micro-credential's title and the institution's name, on a cream card (readable on light and dark backgrounds);
/// a DEMO band when the credential is signed with a published demo key. The credential is baked in by the caller.
/// </summary>
internal static class BadgeImage
{
    /// <summary>Width and height of the badge in pixels.</summary>
    public const int Size = 512;

    /// <summary>Draws the badge as PNG bytes.</summary>
    public static byte[] Png(string? title, string? institution, bool demo)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        using (var card = new SKPaint { Color = ImageText.Cream, IsAntialias = true })
        using (var border = new SKPaint { Color = ImageText.Gold, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 6 })
        {
            var rect = new SKRoundRect(new SKRect(6, 6, Size - 6, Size - 6), 36);
            canvas.DrawRoundRect(rect, card);
            canvas.DrawRoundRect(rect, border);
        }

        using (var seal = SKBitmap.Decode(DefaultBadge.Png(demo)))
        using (var image = SKImage.FromBitmap(seal))
        {
            canvas.DrawImage(image, new SKRect(Size / 2 - 130, 24, Size / 2 + 130, 284), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        }

        var y = ImageText.DrawCentered(canvas, title ?? string.Empty, ImageText.SerifBold, 38, 22, ImageText.Navy, Size / 2f, 300, Size - 64, 3);
        using (var rule = new SKPaint { Color = ImageText.Gold, StrokeWidth = 2, IsAntialias = true })
        {
            canvas.DrawLine(Size / 2f - 60, y + 8, Size / 2f + 60, y + 8, rule);
        }

        ImageText.DrawCentered(canvas, institution ?? string.Empty, ImageText.SansBold, 24, 15, ImageText.Gold, Size / 2f, y + 14, Size - 72, 2);
        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return encoded.ToArray();
    }
}
