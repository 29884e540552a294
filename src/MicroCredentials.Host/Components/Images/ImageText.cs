using MicroCredentials.Pdf;
using SkiaSharp;

namespace MicroCredentials.Host.Components.Images;

/// <summary>
/// Text for the images the host draws (badge, certificate preview): the certificate's own Noto fonts (embedded in the PDF
/// assembly, so no system font is needed) and centred text wrapped to a width and shrunk until it fits.
/// </summary>
internal static class ImageText
{
    private static readonly Lazy<SKTypeface> SerifBoldFace = new(() => Load("NotoSerif-Bold.ttf"));
    private static readonly Lazy<SKTypeface> SerifFace = new(() => Load("NotoSerif-Regular.ttf"));
    private static readonly Lazy<SKTypeface> SansBoldFace = new(() => Load("NotoSans-Bold.ttf"));

    /// <summary>Noto Serif Bold.</summary>
    public static SKTypeface SerifBold => SerifBoldFace.Value;

    /// <summary>Noto Serif Regular.</summary>
    public static SKTypeface Serif => SerifFace.Value;

    /// <summary>Noto Sans Bold.</summary>
    public static SKTypeface SansBold => SansBoldFace.Value;

    /// <summary>Navy of the certificate and badge.</summary>
    public static readonly SKColor Navy = new(0x1B, 0x2F, 0x4E);

    /// <summary>Gold of the certificate and badge.</summary>
    public static readonly SKColor Gold = new(0xA8, 0x86, 0x4B);

    /// <summary>Cream of the badge's face.</summary>
    public static readonly SKColor Cream = new(0xF7, 0xF1, 0xE4);

    /// <summary>
    /// Draws <paramref name="text"/> centred on <paramref name="centerX"/> from <paramref name="top"/>, wrapped to
    /// <paramref name="width"/> in at most <paramref name="maxLines"/> lines, shrinking from <paramref name="size"/> down
    /// to <paramref name="minSize"/>; what still does not fit ends in an ellipsis. Returns the y below the text.
    /// </summary>
    public static float DrawCentered(SKCanvas canvas, string text, SKTypeface face, float size, float minSize, SKColor color,
        float centerX, float top, float width, int maxLines)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        if (string.IsNullOrWhiteSpace(text))
        {
            return top;
        }

        using var font = new SKFont(face, size);
        var lines = Wrap(text, font, width);
        while (lines.Count > maxLines && font.Size > minSize)
        {
            font.Size = Math.Max(minSize, font.Size - 1);
            lines = Wrap(text, font, width);
        }

        if (lines.Count > maxLines)
        {
            lines = [.. lines.Take(maxLines - 1), Ellipsis(string.Join(' ', lines.Skip(maxLines - 1)), font, width)];
        }

        using var paint = new SKPaint { Color = color, IsAntialias = true };
        var y = top;
        foreach (var line in lines)
        {
            y += font.Size;
            canvas.DrawText(line, centerX, y, SKTextAlign.Center, font, paint);
            y += font.Size * 0.3f;
        }

        return y;
    }

    private static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && font.MeasureText(candidate) > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    private static string Ellipsis(string text, SKFont font, float width)
    {
        var cut = text;
        while (cut.Length > 1 && font.MeasureText(cut + "…") > width)
        {
            cut = cut[..^1];
        }

        return cut.TrimEnd() + "…";
    }

    private static SKTypeface Load(string file)
    {
        using var stream = typeof(CertificateDocument).Assembly.GetManifestResourceStream("Fonts/" + file)
            ?? throw new InvalidOperationException($"The font resource Fonts/{file} is missing from the PDF assembly.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The font Fonts/{file} could not be read.");
    }
}
