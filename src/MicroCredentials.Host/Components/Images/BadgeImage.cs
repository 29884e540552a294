using MicroCredentials.Baking;
using SkiaSharp;

namespace MicroCredentials.Host.Components.Images;

/// <summary>
/// The badge image of one micro-credential: the navy and gold seal of <see cref="DefaultBadge"/> (drawn as vectors) above the
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

        DrawSeal(canvas, new SKPoint(Size / 2f, 150), 128, demo);
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

    // The seal of DefaultBadge.Svg drawn as vectors at radius r: navy ring, gold rules, cream face, "ECTS", gold diamonds.
    private static void DrawSeal(SKCanvas canvas, SKPoint c, float r, bool demo)
    {
        float S(float v) => v / 124f * r;
        using var navy = new SKPaint { Color = ImageText.Navy, IsAntialias = true };
        using var cream = new SKPaint { Color = ImageText.Cream, IsAntialias = true };
        using var gold = new SKPaint { Color = ImageText.Gold, IsAntialias = true };
        using var goldRule = new SKPaint { Color = ImageText.Gold, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = S(4) };
        using var goldThin = new SKPaint { Color = ImageText.Gold, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = S(1.5f) };
        canvas.DrawCircle(c, r, navy);
        canvas.DrawCircle(c, S(110), goldRule);
        canvas.DrawCircle(c, S(106), cream);
        canvas.DrawCircle(c, S(97), goldThin);
        foreach (var dy in new[] { -58f, 58f })
        {
            // A gold diamond: a square turned by 45°.
            canvas.Save();
            canvas.RotateDegrees(45, c.X, c.Y + S(dy));
            var half = S(8) / MathF.Sqrt(2);
            canvas.DrawRect(new SKRect(c.X - half, c.Y + S(dy) - half, c.X + half, c.Y + S(dy) + half), gold);
            canvas.Restore();
        }

        using var font = new SKFont(ImageText.SerifBold, S(50));
        canvas.DrawText("ECTS", c.X, c.Y + S(17), SKTextAlign.Center, font, navy);
        if (demo)
        {
            // A red band reading DEMO across the seal's lower part, as on the default badge (DESIGN §4: demo keys are never mistaken).
            using var red = new SKPaint { Color = new SKColor(DefaultBadge.DemoRed.R, DefaultBadge.DemoRed.G, DefaultBadge.DemoRed.B), IsAntialias = true };
            using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
            canvas.Save();
            canvas.ClipRoundRect(new SKRoundRect(new SKRect(c.X - r, c.Y - r, c.X + r, c.Y + r), r, r), antialias: true);

            canvas.DrawRect(new SKRect(c.X - r, c.Y + S(68), c.X + r, c.Y + S(104)), red);
            canvas.Restore();
            using var band = new SKFont(ImageText.SansBold, S(28));
            canvas.DrawText("DEMO", c.X, c.Y + S(96), SKTextAlign.Center, band, white);
        }
    }
}
