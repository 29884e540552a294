using PdfSharp.Drawing;
using QRCoder;

namespace MicroCredentials.Pdf.Layout;

/// <summary>Draws a QR code as vector modules (runs of dark modules merged into rectangles), quiet zone included.</summary>
internal static class QrCodeDrawing
{
    /// <summary>
    /// Draws the QR code of <paramref name="text"/> into the square <paramref name="box"/>: the square includes the
    /// 4-module quiet zone QRCoder adds (ISO/IEC 18004 §7.3.7), painted white so it stays light on any background.
    /// Error correction level M survives a fold or a smudge while keeping modules large.
    /// </summary>
    public static void Draw(XGraphics gfx, string text, XRect box)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var count = matrix.Count;
        var module = Math.Min(box.Width, box.Height) / count;
        gfx.DrawRectangle(XBrushes.White, box.X, box.Y, module * count, module * count);
        var dark = new XSolidBrush(XColors.Black);
        for (var row = 0; row < count; row++)
        {
            var bits = matrix[row];
            var column = 0;
            while (column < count)
            {
                if (!bits[column])
                {
                    column++;
                    continue;
                }
                var start = column;
                while (column < count && bits[column])
                {
                    column++;
                }
                // A hair of overlap avoids hairline seams between rows in some rasterisers.
                gfx.DrawRectangle(dark, box.X + start * module, box.Y + row * module, (column - start) * module, module + 0.05);
            }
        }
    }
}
