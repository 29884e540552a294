using MicroCredentials.Pdf.Layout;
using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;
using S = MicroCredentials.Pdf.Layout.CertificateStyles;

namespace MicroCredentials.Pdf;

public sealed partial class CertificateDocument
{
    // Vertical bands of the front page: a flowing top block, then fixed facts and signature rows.
    private const double TopBandStart = 46;
    private const double FactsTop = 392;
    private const double BottomBandTop = 452;
    private const double FooterBaseline = 553;

    private void ComposeFrontPage(XGraphics gfx)
    {
        ComposeFrame(gfx);
        ComposeTopBlock(gfx);
        ComposeFacts(gfx);
        ComposeSignatory(gfx);
        ComposeSealMedallion(gfx, new XPoint(PageWidth / 2, BottomBandTop + 42));
        ComposeVerification(gfx);
        ComposeFooter(gfx, _labels.SealNotice, 1);
    }

    /// <summary>Institution, heading, learner and title, shrunk as one block until it fits above the facts row.</summary>
    private void ComposeTopBlock(XGraphics gfx)
    {
        var width = PageWidth - 2 * Margin;
        var available = FactsTop - 14 - TopBandStart;
        List<TextBlock> blocks = [];
        for (var scale = 1.0; scale >= 0.6; scale -= 0.05)
        {
            blocks = TopBlocks(gfx, width, scale);
            if (blocks.Sum(b => b.Height) <= available)
            {
                break;
            }
        }
        // Spread the spare height: a quarter above the block, the rest in the gaps between its groups, so short
        // names and titles do not leave one big hole.
        var spare = Math.Max(0, available - blocks.Sum(b => b.Height) - 6);
        var y = TopBandStart + spare * 0.25;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (i == 2)
            {
                ComposeOrnamentRule(gfx, PageWidth / 2, y - 4);
                y += 6;
            }
            using (Element(i == 2 ? PdfBlockLevelElementTag.Heading1 : PdfBlockLevelElementTag.Paragraph))
            {
                y = blocks[i].Draw(gfx, Margin, y, width);
            }
            if (i is 1 or 3 or 5 or 7)
            {
                y += spare * 0.75 / 4;
            }
        }
    }

    private List<TextBlock> TopBlocks(XGraphics gfx, double width, double scale)
    {
        TextStyle Scaled(TextStyle style) => style.WithSize(style.Size * scale);
        var center = TextAlign.Center;
        return
        [
            TextBlock.Fit(gfx, _facts.Institution, Scaled(S.Institution), width * 0.8, 2, 10, center, 2),
            TextBlock.Fit(gfx, _facts.InstitutionPlace ?? string.Empty, Scaled(S.InstitutionDetail), width, 1, 7, center, 14 * scale),
            TextBlock.Fit(gfx, _labels.Heading, Scaled(S.Heading), width, 1, 18, center, 0),
            TextBlock.Fit(gfx, _labels.Subheading, Scaled(S.Subheading), width, 1, 7, center, 16 * scale),
            TextBlock.Fit(gfx, _labels.CertifiesThat, Scaled(S.Phrase), width, 1, 8, center, 5 * scale),
            TextBlock.Fit(gfx, _facts.LearnerName, Scaled(S.LearnerName), width * 0.85, 2, 14, center, 6 * scale),
            TextBlock.Fit(gfx, _labels.HasCompleted, Scaled(S.Phrase), width, 1, 8, center, 5 * scale),
            TextBlock.Fit(gfx, _facts.Title, Scaled(S.CredentialTitle), width * 0.85, 2, 11, center, 9 * scale),
            TextBlock.Fit(gfx, _facts.Statement ?? string.Empty, Scaled(S.Body).WithSize(S.Body.Size * Math.Max(scale, 0.85)),
                width * 0.72, 3, 7, center, 8),
        ];
    }

    /// <summary>The key facts row: credits, EQF level, result (when graded) and date, between gold rules.</summary>
    private void ComposeFacts(XGraphics gfx)
    {
        var facts = new List<(string Label, string Value)>();
        if (_facts.Ects is { } ects)
        {
            facts.Add((_labels.Credits, ects));
        }
        if (_facts.EqfLevel is { } level)
        {
            facts.Add((_labels.EqfLevel, level.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (_facts.Grade is { } grade)
        {
            facts.Add((_labels.Grade, grade));
        }
        facts.Add((_labels.AwardedOn.ToUpperInvariant(), _facts.AwardDate));

        const double cellWidth = 150;
        var left = (PageWidth - cellWidth * facts.Count) / 2;
        var rule = new XPen(S.Gold, 0.6);
        using (Artifact())
        {
            gfx.DrawLine(rule, left, FactsTop, left + cellWidth * facts.Count, FactsTop);
            gfx.DrawLine(rule, left, FactsTop + 44, left + cellWidth * facts.Count, FactsTop + 44);
        }
        // A table of one row per fact: header cell (the label), data cell (the value).
        using var table = Element(PdfBlockLevelElementTag.Table);
        for (var i = 0; i < facts.Count; i++)
        {
            var x = left + i * cellWidth;
            if (i > 0)
            {
                using (Artifact())
                {
                    gfx.DrawLine(rule, x, FactsTop + 9, x, FactsTop + 35);
                }
            }
            using var row = Element(PdfBlockLevelElementTag.TableRow);
            using (Element(PdfBlockLevelElementTag.TableHeaderCell))
            {
                TextLayout.DrawFitted(gfx, facts[i].Label, S.Label, new XRect(x + 6, FactsTop + 8, cellWidth - 12, 10), 1, 5.5,
                    TextAlign.Center);
            }
            using (Element(PdfBlockLevelElementTag.TableDataCell))
            {
                TextLayout.DrawFitted(gfx, facts[i].Value, S.FactValue, new XRect(x + 6, FactsTop + 20, cellWidth - 12, 18), 1, 8,
                    TextAlign.Center);
            }
        }
    }

    /// <summary>Signature line, signatory name and position, place and date of issue.</summary>
    private void ComposeSignatory(XGraphics gfx)
    {
        const double width = 230;
        var x = Margin + 8;
        var lineY = BottomBandTop + 40;
        using (Artifact())
        {
            gfx.DrawLine(new XPen(S.Ink, 0.6), x, lineY, x + width, lineY);
        }
        var y = lineY + 4;
        using var paragraph = Element(PdfBlockLevelElementTag.Paragraph);
        if (_model.SignatoryName is { Length: > 0 } name)
        {
            y += TextLayout.DrawFitted(gfx, name, S.Signatory, new XRect(x, y, width, 14), 1, 7, TextAlign.Left);
        }
        if (_model.SignatoryTitle is { Length: > 0 } title)
        {
            y += TextLayout.DrawFitted(gfx, title, S.Small, new XRect(x, y, width, 20), 2, 6, TextAlign.Left);
        }
        var onBehalf = $"{_labels.OnBehalfOf} {_facts.Institution}";
        TextLayout.DrawFitted(gfx, onBehalf, S.Small, new XRect(x, y, width, 20), 2, 6, TextAlign.Left);
    }

    /// <summary>QR code to the verification page, with the handle URL and the short code printed beside it.</summary>
    private void ComposeVerification(XGraphics gfx)
    {
        const double qrSize = 84;
        var qrX = PageWidth - Margin - qrSize + 4;
        var qrY = BottomBandTop - 4;
        var qrBox = new XRect(qrX, qrY, qrSize, qrSize);
        using (Figure($"{_labels.QrCodeAlternative} {_model.VerificationUrl.AbsoluteUri}", qrBox))
        {
            QrCodeDrawing.Draw(gfx, _model.VerificationUrl.AbsoluteUri, qrBox);
        }

        const double textWidth = 240;
        var x = qrX - 6 - textWidth;
        var y = qrY + 10;
        var right = TextAlign.Right;
        using var paragraph = Element(PdfBlockLevelElementTag.Paragraph);
        y += TextLayout.DrawFitted(gfx, _labels.VerifyAt, S.Label.WithSize(7.5), new XRect(x, y, textWidth, 10), 1, 6, right) + 1;
        var url = _model.VerificationUrl.AbsoluteUri.Replace("https://", string.Empty, StringComparison.Ordinal);
        y += TextLayout.DrawFitted(gfx, url, S.Small, new XRect(x, y, textWidth, 10), 1, 4.5, right) + 6;
        y += TextLayout.DrawFitted(gfx, _labels.Code, S.Label.WithSize(7.5), new XRect(x, y, textWidth, 10), 1, 6, right) + 1;
        TextLayout.DrawFitted(gfx, _model.ShortCode, S.Code, new XRect(x, y, textWidth, 14), 1, 7, right);
    }
}
