using System.Globalization;
using MicroCredentials.Pdf.Layout;
using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;
using S = MicroCredentials.Pdf.Layout.CertificateStyles;

namespace MicroCredentials.Pdf;

public sealed partial class CertificateDocument
{
    private const double ColumnGap = 34;
    private const double OutcomesWidth = 330;
    private const double MarkerWidth = 16;
    private const double LabelWidth = 118;
    private const double MinimumBodySize = 6.5;

    /// <summary>
    /// One paragraph of a details column: optionally with a list marker in a hanging indent, or with a label in a
    /// left cell (a table row).
    /// </summary>
    private sealed record ColumnItem(TextBlock Block, string? Marker = null, TextBlock? Label = null, double SpaceBefore = 0)
    {
        public double Height => SpaceBefore + Math.Max(Block.Height, Label?.Height ?? 0);
    }

    private void ComposeDetailsPage(XGraphics gfx)
    {
        ComposeFrame(gfx);
        var top = ComposeDetailsHeader(gfx);
        var bottom = FooterBaseline - 18;
        var elementsX = Margin + OutcomesWidth + ColumnGap;
        var elementsWidth = PageWidth - Margin - elementsX;

        // One body size for both columns: shrink together until the longer column fits. The assessment section
        // sits under the outcomes, or moves to the right column when there are many outcomes.
        List<ColumnItem> outcomes = [];
        List<ColumnItem> elements = [];
        for (var size = S.Body.Size; size >= MinimumBodySize; size -= 0.5)
        {
            var body = S.Body.WithSize(size);
            var outcomeItems = OutcomeItems(gfx, body, OutcomesWidth - MarkerWidth);
            var assessment = AssessmentItems(gfx, body, OutcomesWidth);
            elements = ElementItems(gfx, body, elementsWidth);
            outcomes = [.. outcomeItems, .. assessment];
            if (Fits(outcomes, elements))
            {
                break;
            }
            var moved = AssessmentItems(gfx, body, elementsWidth);
            var last = size - 0.5 < MinimumBodySize;
            // At the smallest size nothing fits: the outcomes are cut on the left, and the other Annex I elements
            // all get the right column rather than being cut off below the outcomes.
            if (Fits(outcomeItems, [.. elements, .. moved]) || last)
            {
                (outcomes, elements) = (outcomeItems, [.. elements, .. moved]);
                break;
            }
        }
        bool Fits(List<ColumnItem> left, List<ColumnItem> right) =>
            Math.Max(left.Sum(i => i.Height), right.Sum(i => i.Height)) <= bottom - top;
        ComposeColumn(gfx, outcomes, Margin, top, OutcomesWidth, bottom);
        using (Artifact())
        {
            gfx.DrawLine(new XPen(S.Gold, 0.5), elementsX - ColumnGap / 2, top + 4, elementsX - ColumnGap / 2, bottom - 4);
        }
        ComposeColumn(gfx, elements, elementsX, top, elementsWidth, bottom);

        var url = _model.VerificationUrl.AbsoluteUri;
        ComposeFooter(gfx, $"{_labels.VerifyAt}: {url} · {_labels.Code}: {_model.ShortCode}", 2);
    }

    /// <summary>Institution, page heading, title and learner; returns the y where the columns start.</summary>
    private double ComposeDetailsHeader(XGraphics gfx)
    {
        var width = PageWidth - 2 * Margin;
        var y = 44.0;
        var left = TextAlign.Left;
        using (Element(PdfBlockLevelElementTag.Paragraph))
        {
            y += TextLayout.DrawFitted(gfx, _facts.Institution.ToUpperInvariant(), S.Label.WithSize(8), new XRect(Margin, y, width, 10), 1, 6, left) + 2;
        }
        using (Element(PdfBlockLevelElementTag.Heading1))
        {
            y += TextLayout.DrawFitted(gfx, _labels.DetailsHeading, S.Heading.WithSize(20), new XRect(Margin, y, width, 26), 1, 12, left) + 2;
        }
        using (Element(PdfBlockLevelElementTag.Paragraph))
        {
            y += TextLayout.DrawFitted(gfx, _facts.Title, S.CredentialTitle.WithSize(13), new XRect(Margin, y, width, 34), 2, 9, left);
            y += TextLayout.DrawFitted(gfx, _facts.LearnerName, S.Phrase.WithSize(11), new XRect(Margin, y, width, 16), 1, 7, left) + 6;
        }
        using (Artifact())
        {
            gfx.DrawLine(new XPen(S.Gold, 0.7), Margin, y, PageWidth - Margin, y);
        }
        return y + 12;
    }

    private List<ColumnItem> OutcomeItems(XGraphics gfx, TextStyle body, double width)
    {
        var items = new List<ColumnItem> { Heading(gfx, _labels.LearningOutcomes, OutcomesWidth) };
        for (var i = 0; i < _facts.LearningOutcomes.Count; i++)
        {
            var marker = (i + 1).ToString(CultureInfo.InvariantCulture) + ".";
            items.Add(new(TextBlock.Fit(gfx, _facts.LearningOutcomes[i], body, width, int.MaxValue, body.Size, TextAlign.Left, body.Size * 0.55), marker));
        }
        return items;
    }

    private List<ColumnItem> AssessmentItems(XGraphics gfx, TextStyle body, double width)
    {
        var rows = TableRows(gfx, body, width,
        [
            (_labels.Assessment, _facts.Assessment),
            (_labels.Participation, _facts.Participation),
            (_labels.Supervision, _facts.Supervision),
            (_labels.QualityAssurance, _facts.QualityAssurance),
        ]);
        return rows.Count == 0 ? rows : [Heading(gfx, _labels.AssessmentAndQuality, width, spaceBefore: 10), .. rows];
    }

    private List<ColumnItem> ElementItems(XGraphics gfx, TextStyle body, double width)
    {
        var items = new List<ColumnItem> { Heading(gfx, _labels.KeyInformation, width) };
        items.AddRange(TableRows(gfx, body, width,
        [
            (_labels.Learner, _facts.LearnerName),
            (_labels.AwardingBody, _facts.InstitutionPlace is { } place ? $"{_facts.Institution}, {place}" : _facts.Institution),
            (_labels.AwardedOn, _facts.AwardDate),
            (_labels.DateOfIssue, _facts.IssueDate),
            (_labels.Workload, _facts.Ects is { } ects ? (_facts.Workload is { } hours ? $"{ects} ({hours})" : ects) : _facts.Workload),
            (_labels.EqfLevel, _facts.EqfLevel?.ToString(CultureInfo.InvariantCulture)),
            (_labels.Grade, _facts.Grade),
            (_labels.Period, _facts.Period),
            (_labels.Prerequisites, _facts.Prerequisites),
            (_labels.Stackability, _facts.Stackability),
            (_labels.CourseCode, _facts.CourseCode),
            (_labels.CredentialId, _facts.CredentialId),
        ]));
        return items;
    }

    private static ColumnItem Heading(XGraphics gfx, string text, double width, double spaceBefore = 0)
    {
        var block = TextBlock.Fit(gfx, text, S.SectionHeading, width, 1, 8, TextAlign.Left, 6);
        return new(block, SpaceBefore: spaceBefore);
    }

    /// <summary>Label/value table rows; rows without a value are left out.</summary>
    private static List<ColumnItem> TableRows(XGraphics gfx, TextStyle body, double width, (string Label, string? Value)[] rows)
    {
        var label = S.Label.WithSize(Math.Min(S.Label.Size + 0.5, body.Size * 0.85));
        var gap = body.Size * 0.75;
        var items = new List<ColumnItem>();
        foreach (var (name, value) in rows)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }
            var labelBlock = TextBlock.Fit(gfx, name.ToUpperInvariant(), label, LabelWidth - 8, 3, 5, TextAlign.Left, gap);
            var valueBlock = TextBlock.Fit(gfx, value, body, width - LabelWidth, int.MaxValue, body.Size, TextAlign.Left, gap);
            items.Add(new(valueBlock, Label: labelBlock));
        }
        return items;
    }

    /// <summary>
    /// Draws a column top-down. When the column does not fit even at the smallest size, it stops at the last whole
    /// line that fits and says that the full text is in the embedded credential.
    /// </summary>
    private void ComposeColumn(XGraphics gfx, List<ColumnItem> items, double x, double top, double width, double bottom)
    {
        var note = S.Small with { Style = XFontStyleEx.Regular };
        var noteHeight = note.Size * TextLayout.Leading + 2;
        var y = top;
        if (items.Sum(i => i.Height) > bottom - top)
        {
            // Reserve the last line for the note and truncate against what remains.
            bottom -= noteHeight;
            DrawItems(gfx, items, x, ref y, width, bottom);
            using var paragraph = Element(PdfBlockLevelElementTag.Paragraph);
            TextLayout.DrawFitted(gfx, _labels.Continued, note, new XRect(x, y + 2, width, noteHeight), 1, 5, TextAlign.Left);
            return;
        }
        DrawItems(gfx, items, x, ref y, width, bottom);
    }

    /// <summary>
    /// Draws the items, tagged: a section heading is an H2, a numbered outcome a paragraph, and consecutive label/value
    /// rows one table (TR with a TH and a TD each).
    /// </summary>
    private void DrawItems(XGraphics gfx, List<ColumnItem> items, double x, ref double y, double width, double bottom)
    {
        Scope? table = null;
        try
        {
            DrawItems(gfx, items, x, ref y, width, bottom, ref table);
        }
        finally
        {
            table?.Dispose();
        }
    }

    private void DrawItems(XGraphics gfx, List<ColumnItem> items, double x, ref double y, double width, double bottom, ref Scope? table)
    {
        foreach (var (block, marker, label, spaceBefore) in items)
        {
            if (label is null && table is { } open)
            {
                open.Dispose();
                table = null;
            }
            var top = y + spaceBefore;
            var indent = marker is null ? 0 : MarkerWidth;
            var lineHeight = block.Style.Size * TextLayout.Leading;
            var room = (int)Math.Floor((bottom - top) / lineHeight);
            if (room <= 0)
            {
                return;
            }
            if (label is not null)
            {
                // Table row: label cell, value cell, hairline under the row; a row is never split.
                var rowHeight = Math.Max(block.Height, label.Height);
                if (top + rowHeight - block.SpaceAfter > bottom)
                {
                    return;
                }
                table ??= Element(PdfBlockLevelElementTag.Table);
                using (Element(PdfBlockLevelElementTag.TableRow))
                {
                    using (Element(PdfBlockLevelElementTag.TableHeaderCell))
                    {
                        label.Draw(gfx, x, top + (block.Style.Size - label.Style.Size) * 0.8, LabelWidth - 8);
                    }
                    using (Element(PdfBlockLevelElementTag.TableDataCell))
                    {
                        block.Draw(gfx, x + LabelWidth, top, width - LabelWidth);
                    }
                }
                y = top + rowHeight;
                using (Artifact())
                {
                    gfx.DrawLine(new XPen(XColor.FromArgb(0xDD, 0xD6, 0xC8), 0.4), x, y - block.SpaceAfter / 2, x + width, y - block.SpaceAfter / 2);
                }
                continue;
            }
            using var element = Element(marker is null ? PdfBlockLevelElementTag.Heading2 : PdfBlockLevelElementTag.Paragraph);
            if (marker is not null)
            {
                TextLayout.Draw(gfx, [marker], block.Style with { Color = S.Gold, Style = XFontStyleEx.Bold }, x, top, indent, TextAlign.Left);
            }
            if (block.Lines.Count > room)
            {
                var kept = block.Lines.Take(room).ToList();
                kept[^1] = TextLayout.Truncate(gfx, kept[^1] + " …", block.Style.Font(), width - indent);
                y = top + TextLayout.Draw(gfx, kept, block.Style, x + indent, top, width - indent, block.Align);
                return;
            }
            y = block.Draw(gfx, x + indent, top, width - indent);
        }
    }
}
