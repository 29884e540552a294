using System.Globalization;
using MicroCredentials.Pdf.Layout;
using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;
using S = MicroCredentials.Pdf.Layout.CertificateStyles;

namespace MicroCredentials.Pdf;

public sealed partial class CertificateDocument
{
    /// <summary>A navy outer frame, a thin gold inner frame and gold corner diamonds.</summary>
    private void ComposeFrame(XGraphics gfx)
    {
        using var decoration = Artifact();
        const double outer = 18;
        const double inner = 25;
        gfx.DrawRectangle(new XPen(S.Navy, 2.2), outer, outer, PageWidth - 2 * outer, PageHeight - 2 * outer);
        gfx.DrawRectangle(new XPen(S.Gold, 0.7), inner, inner, PageWidth - 2 * inner, PageHeight - 2 * inner);
        foreach (var (x, y) in new[] { (inner, inner), (PageWidth - inner, inner), (inner, PageHeight - inner), (PageWidth - inner, PageHeight - inner) })
        {
            ComposeDiamond(gfx, x, y, 4.5);
        }
    }

    /// <summary>A short gold rule with a diamond in the middle, under the institution.</summary>
    private void ComposeOrnamentRule(XGraphics gfx, double centerX, double y)
    {
        using var decoration = Artifact();
        var pen = new XPen(S.Gold, 0.7);
        gfx.DrawLine(pen, centerX - 70, y, centerX - 8, y);
        gfx.DrawLine(pen, centerX + 8, y, centerX + 70, y);
        ComposeDiamond(gfx, centerX, y, 3.5);
    }

    private static void ComposeDiamond(XGraphics gfx, double x, double y, double r) =>
        gfx.DrawPolygon(new XSolidBrush(S.Gold), [new XPoint(x, y - r), new XPoint(x + r, y), new XPoint(x, y + r), new XPoint(x - r, y)],
            XFillMode.Winding);

    /// <summary>A round seal with the credit value and EQF level: the credential's weight at a glance.</summary>
    private void ComposeSealMedallion(XGraphics gfx, XPoint center)
    {
        // The medallion repeats the credits and level printed in the facts row: decoration, not read twice.
        using var decoration = Artifact();
        const double radius = 38;
        gfx.DrawEllipse(new XSolidBrush(XColor.FromArgb(0xF7, 0xF1, 0xE4)), center.X - radius, center.Y - radius, 2 * radius, 2 * radius);
        gfx.DrawEllipse(new XPen(S.Gold, 1.6), center.X - radius, center.Y - radius, 2 * radius, 2 * radius);
        gfx.DrawEllipse(new XPen(S.Gold, 0.5), center.X - radius + 5, center.Y - radius + 5, 2 * radius - 10, 2 * radius - 10);
        var tick = new XPen(S.Gold, 0.7);
        for (var i = 0; i < 48; i++)
        {
            var angle = i * Math.PI / 24;
            var (sin, cos) = Math.SinCos(angle);
            gfx.DrawLine(tick, center.X + cos * (radius - 5), center.Y + sin * (radius - 5), center.X + cos * (radius - 1.8), center.Y + sin * (radius - 1.8));
        }
        var upper = _facts.Ects ?? _labels.Subheading;
        var lower = _facts.EqfLevel is { } level ? "EQF " + level.ToString(CultureInfo.InvariantCulture) : string.Empty;
        var box = new XRect(center.X - radius + 10, center.Y - 12, 2 * radius - 20, 14);
        TextLayout.DrawFitted(gfx, upper, S.FactValue.WithSize(11), box, 1, 6, TextAlign.Center);
        TextLayout.DrawFitted(gfx, lower, S.Label.WithSize(8), box with { Y = center.Y + 3 }, 1, 6, TextAlign.Center);
    }

    /// <summary>Small print at the foot of a page, with the page number.</summary>
    private void ComposeFooter(XGraphics gfx, string text, int page)
    {
        var width = PageWidth - 2 * Margin;
        using (Element(PdfBlockLevelElementTag.Paragraph))
        {
            TextLayout.DrawFitted(gfx, text, S.Small, new XRect(Margin, FooterBaseline - 8, width - 60, 10), 1, 5.5,
                TextAlign.Left);
        }
        // Page numbers are pagination artifacts (ISO 32000-1 §14.8.2.2).
        using var pagination = Artifact();
        var number = string.Create(CultureInfo.InvariantCulture, $"{_labels.Page} {page}/2");
        TextLayout.DrawFitted(gfx, number, S.Small, new XRect(Margin + width - 60, FooterBaseline - 8, 60, 10), 1, 5.5,
            TextAlign.Right);
    }
}
