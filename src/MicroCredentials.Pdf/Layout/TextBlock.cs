using PdfSharp.Drawing;

namespace MicroCredentials.Pdf.Layout;

/// <summary>Wrapped lines in one style, measured before they are drawn (so a page can be balanced first).</summary>
/// <param name="Lines">The wrapped lines.</param>
/// <param name="Style">Their style (possibly shrunk).</param>
/// <param name="Align">Horizontal alignment within the column.</param>
/// <param name="SpaceAfter">Gap below the block in points.</param>
internal sealed record TextBlock(IReadOnlyList<string> Lines, TextStyle Style, TextAlign Align, double SpaceAfter)
{
    /// <summary>Height including <see cref="SpaceAfter"/>.</summary>
    public double Height => Lines.Count * Style.Size * TextLayout.Leading + SpaceAfter;

    /// <summary>Wraps and shrinks <paramref name="text"/> to the column width.</summary>
    public static TextBlock Fit(
        XGraphics gfx, string text, TextStyle style, double width, int maxLines, double minSize,
        TextAlign align, double spaceAfter)
    {
        var (sized, lines) = TextLayout.Fit(gfx, text, style, width, maxLines, minSize);
        return new TextBlock(lines, sized, align, spaceAfter);
    }

    /// <summary>Draws the block with its top at <paramref name="top"/>; returns the y below it.</summary>
    public double Draw(XGraphics gfx, double x, double top, double width) =>
        top + TextLayout.Draw(gfx, Lines, Style, x, top, width, Align) + SpaceAfter;
}
