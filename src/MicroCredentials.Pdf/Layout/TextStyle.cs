using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace MicroCredentials.Pdf.Layout;

/// <summary>A named text style (family, size, weight, colour), after QuestPDF's <c>TextStyle</c>.</summary>
/// <param name="Family">Font family served by <see cref="CertificateFontResolver"/>.</param>
/// <param name="Size">Size in points.</param>
/// <param name="Style">Weight and slant.</param>
/// <param name="Color">Fill colour.</param>
internal sealed record TextStyle(string Family, double Size, XFontStyleEx Style, XColor Color)
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    /// <summary>The same style at another size (used when shrinking a line to fit).</summary>
    public TextStyle WithSize(double size) => this with { Size = size };

    /// <summary>The PDFsharp font of this style (Unicode encoding: every script the font has).</summary>
    public XFont Font() => new(Family, Size, Style, Unicode);

    /// <summary>The brush of this style.</summary>
    public XSolidBrush Brush() => new(Color);
}
