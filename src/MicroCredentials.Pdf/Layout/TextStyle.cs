using PdfSharp.Drawing;

namespace MicroCredentials.Pdf.Layout;

/// <summary>A named text style (family, size, weight, colour), after QuestPDF's <c>TextStyle</c>.</summary>
/// <param name="Family">Font family served by <see cref="CertificateFontResolver"/>.</param>
/// <param name="Size">Size in points.</param>
/// <param name="Style">Weight and slant.</param>
/// <param name="Color">Fill colour.</param>
internal sealed record TextStyle(string Family, double Size, XFontStyleEx Style, XColor Color)
{
    /// <summary>The same style at another size (used when shrinking a line to fit).</summary>
    public TextStyle WithSize(double size) => this with { Size = size };

    /// <summary>The PDFsharp font of this style (Unicode encoding: every script the font has), shared between certificates.</summary>
    public XFont Font() => CertificateFontResolver.Font(Family, Size, Style);

    /// <summary>The brush of this style.</summary>
    public XSolidBrush Brush() => new(Color);
}
