using MicroCredentials.Pdf.Text;
using PdfSharp.Drawing;

namespace MicroCredentials.Pdf.Layout;

/// <summary>
/// Word wrapping and shrink-to-fit on top of PDFsharp measurement, so that long names and titles wrap or shrink
/// and nothing runs past its box.
/// </summary>
internal static class TextLayout
{
    private const string Ellipsis = "…";

    /// <summary>Line height as a multiple of the font size.</summary>
    public const double Leading = 1.28;

    /// <summary>Greedy word wrap; a word wider than the box is broken between characters.</summary>
    public static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Width(gfx, candidate, font) <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                {
                    lines.Add(line);
                }
                line = word;
                while (Width(gfx, line, font) > width && line.Length > 1)
                {
                    var cut = FittingPrefix(gfx, line, font, width);
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>
    /// Wraps <paramref name="text"/> into at most <paramref name="maxLines"/> lines, shrinking the style in half-point
    /// steps down to <paramref name="minSize"/>; at the smallest size the last line ends with an ellipsis.
    /// </summary>
    public static (TextStyle Style, List<string> Lines) Fit(
        XGraphics gfx, string text, TextStyle style, double width, int maxLines, double minSize)
    {
        for (var size = style.Size; ; size -= 0.5)
        {
            var sized = style.WithSize(Math.Max(size, minSize));
            var font = sized.Font();
            var lines = Wrap(gfx, text, font, width);
            if (lines.Count <= maxLines)
            {
                return (sized, lines);
            }
            if (size <= minSize)
            {
                lines = lines.Take(maxLines).ToList();
                lines[^1] = Truncate(gfx, lines[^1] + " " + Ellipsis, font, width);
                return (sized, lines);
            }
        }
    }

    /// <summary>Draws lines from the top edge <paramref name="top"/>; returns the height used.</summary>
    public static double Draw(
        XGraphics gfx, IReadOnlyList<string> lines, TextStyle style, double x, double top, double width, TextAlign align)
    {
        var font = style.Font();
        var brush = style.Brush();
        var lineHeight = style.Size * Leading;
        for (var i = 0; i < lines.Count; i++)
        {
            var baseline = top + i * lineHeight + style.Size * 0.95;
            var lineX = align switch
            {
                TextAlign.Center => x + (width - Width(gfx, lines[i], font)) / 2,
                TextAlign.Right => x + width - Width(gfx, lines[i], font),
                _ => x,
            };
            // A wrapped line keeps its trailing space (invisible), so text extraction and screen readers do not
            // join the last word of one line to the first of the next.
            var drawn = i < lines.Count - 1 && lines[i].Length > 0 && !lines[i].EndsWith(' ') ? lines[i] + " " : lines[i];
            DrawLine(gfx, drawn, font, brush, lineX, baseline);
        }
        return lines.Count * lineHeight;
    }

    /// <summary>Fits and draws in one step; returns the height used.</summary>
    public static double DrawFitted(
        XGraphics gfx, string text, TextStyle style, XRect box, int maxLines, double minSize, TextAlign align)
    {
        var (sized, lines) = Fit(gfx, text, style, box.Width, maxLines, minSize);
        return Draw(gfx, lines, sized, box.X, box.Y, box.Width, align);
    }

    /// <summary>Width of a string in points, as drawn (shaped, each run in its script's face).</summary>
    public static double Width(XGraphics gfx, string text, XFont font)
    {
        if (!ScriptFonts.NeedsFallback(text))
        {
            return gfx.MeasureString(text, font).Width;
        }
        var width = 0.0;
        foreach (var (run, family, rightToLeft) in ScriptFonts.Drawn(text))
        {
            width += ScriptFonts.IsShaped(family)
                ? ShapedDrawing.Width(run, family!, FontOf(font, family), rightToLeft)
                : gfx.MeasureString(run, FontOf(font, family)).Width;
        }
        return width;
    }

    /// <summary>
    /// Draws one line from its left baseline point: in visual order (<see cref="ScriptFonts.Drawn"/>), each run in the
    /// face of its script, so no character falls back to the .notdef box; Arabic, Hebrew, Thai and Indic runs as the
    /// glyphs HarfBuzz shapes them to (<see cref="ShapedDrawing"/>).
    /// </summary>
    private static void DrawLine(XGraphics gfx, string line, XFont font, XBrush brush, double x, double baseline)
    {
        if (!ScriptFonts.NeedsFallback(line))
        {
            gfx.DrawString(line, font, brush, x, baseline, XStringFormats.BaseLineLeft);
            return;
        }
        foreach (var (run, family, rightToLeft) in ScriptFonts.Drawn(line))
        {
            var runFont = FontOf(font, family);
            if (ScriptFonts.IsShaped(family))
            {
                x += ShapedDrawing.Draw(gfx, run, family!, runFont, brush, x, baseline, rightToLeft);
                continue;
            }
            gfx.DrawString(run, runFont, brush, x, baseline, XStringFormats.BaseLineLeft);
            x += gfx.MeasureString(run, runFont).Width;
        }
    }

    private static readonly XPdfFontOptions Unicode = new(PdfSharp.Pdf.PdfFontEncoding.Unicode);

    private static XFont FontOf(XFont font, string? family) =>
        family is null ? font : new XFont(family, font.Size, font.Style, Unicode);

    private static int FittingPrefix(XGraphics gfx, string word, XFont font, double width)
    {
        var cut = word.Length - 1;
        while (cut > 1 && Width(gfx, word[..cut], font) > width)
        {
            cut--;
        }
        return cut;
    }

    /// <summary>Shortens <paramref name="line"/> (which ends with an ellipsis) until it fits <paramref name="width"/>.</summary>
    public static string Truncate(XGraphics gfx, string line, XFont font, double width)
    {
        if (Width(gfx, line, font) <= width)
        {
            return line;
        }
        var body = line[..^Ellipsis.Length].TrimEnd();
        while (body.Length > 0 && Width(gfx, body + Ellipsis, font) > width)
        {
            body = body[..^1];
        }
        return body.TrimEnd() + Ellipsis;
    }
}
