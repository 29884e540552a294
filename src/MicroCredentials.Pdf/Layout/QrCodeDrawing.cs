using System.Text;
using PdfSharp.Drawing;
using QRCoder;

namespace MicroCredentials.Pdf.Layout;

/// <summary>Draws a QR code as vector modules (runs of dark modules merged into rectangles), quiet zone included.</summary>
internal static class QrCodeDrawing
{
    /// <summary>
    /// Draws the QR code of <paramref name="text"/> into the square <paramref name="box"/>: the square includes the
    /// 4-module quiet zone (ISO/IEC 18004 §7.3.7), painted white so it stays light on any background.
    /// Error correction level M survives a fold or a smudge while keeping modules large.
    /// </summary>
    /// <remarks>
    /// The dark runs are one path, filled once: the first run is drawn through PDFsharp (which sets the black fill and
    /// leaves any text object), the others are appended to it as <c>re</c> operators in the page's coordinates, so the
    /// ~300 runs cost one fill instead of one PDFsharp rectangle each.
    /// </remarks>
    public static void Draw(XGraphics gfx, string text, XRect box)
    {
        var matrix = Modules(text);
        var count = matrix.GetLength(0);
        var module = Math.Min(box.Width, box.Height) / count;
        gfx.DrawRectangle(XBrushes.White, box.X, box.Y, module * count, module * count);
        var dark = new XSolidBrush(XColors.Black);
        // PDFsharp writes page coordinates itself (y measured up from the page's foot) when no transform is set.
        var content = gfx.Transform.IsIdentity ? gfx.Internals.ContentStringBuilder : null;
        var pageHeight = gfx.PageSize.Height;
        var open = false;
        for (var row = 0; row < count; row++)
        {
            var column = 0;
            while (column < count)
            {
                if (!matrix[row, column])
                {
                    column++;
                    continue;
                }
                var start = column;
                while (column < count && matrix[row, column])
                {
                    column++;
                }
                // A hair of overlap avoids hairline seams between rows in some rasterisers.
                var (x, y, width, height) = (box.X + start * module, box.Y + row * module, (column - start) * module, module + 0.05);
                if (open)
                {
                    AppendNumber(content!, x);
                    AppendNumber(content!, pageHeight - y - height);
                    AppendNumber(content!, width);
                    AppendNumber(content!, height);
                    content!.Append("re\n");
                    continue;
                }
                gfx.DrawRectangle(dark, x, y, width, height);
                open = content is not null && Reopen(content);
                content = open ? content : null;
            }
        }
        if (open)
        {
            // The runs appended after PDFsharp's own rectangle, filled with the same black.
            content!.Append("f\n");
        }
    }

    /// <summary>The modules of the QR code of <paramref name="text"/> at level M, with QRCoder's 4-module quiet zone around them.</summary>
    internal static bool[,] Modules(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var count = matrix.Count;
        var result = new bool[count, count];
        for (var row = 0; row < count; row++)
        {
            for (var column = 0; column < count; column++)
            {
                result[row, column] = matrix[row][column];
            }
        }
        return result;
    }

    /// <summary>
    /// Appends <paramref name="value"/> and a space as PDFsharp writes coordinates (at most four decimals, no trailing
    /// zeros), without the cost of a custom numeric format string for each of the ~1,200 numbers of a QR code.
    /// </summary>
    internal static void AppendNumber(StringBuilder content, double value)
    {
        var scaled = (long)Math.Round(Math.Abs(value) * 10_000, MidpointRounding.AwayFromZero);
        if (value < 0 && scaled != 0)
        {
            content.Append('-');
        }
        content.Append(scaled / 10_000);
        var fraction = (int)(scaled % 10_000);
        if (fraction != 0)
        {
            var digits = 4;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }
            content.Append('.');
            for (var divisor = (int)Math.Pow(10, digits - 1); divisor > 0; divisor /= 10)
            {
                content.Append((char)('0' + fraction / divisor % 10));
            }
        }
        content.Append(' ');
    }

    /// <summary>
    /// Takes the fill off the rectangle PDFsharp has just written, so the next runs join its path; false (each run then
    /// drawn through PDFsharp) when the content does not end as expected.
    /// </summary>
    private static bool Reopen(StringBuilder content)
    {
        const string fill = " re\nf\n";
        if (content.Length < fill.Length || content.ToString(content.Length - fill.Length, fill.Length) != fill)
        {
            return false;
        }
        content.Length -= 2;
        return true;
    }
}
