using System.Text;
using MicroCredentials.Pdf.Text;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace MicroCredentials.Pdf.Layout;

/// <summary>
/// Draws a run of a shaped script (<see cref="ScriptFonts.IsShaped"/>) as the glyph ids HarfBuzz chose, through
/// PDFsharp, so the face is still embedded as a subset with widths and a ToUnicode map:
/// <list type="bullet">
/// <item>each word is shaped by <see cref="ShapedText"/> (right to left for an Arabic or Hebrew run, whose words are
/// then drawn last first); its glyphs, which HarfBuzz gives in visual order, are cut into segments that a viewer
/// advances through by the face's own widths, and each segment is one <c>DrawString</c> at its pen position plus GPOS
/// offset, whose code points PDFsharp's <c>RenderTextEvent</c> replaces by the shaped glyph ids;</item>
/// <item>every glyph is given its own code point for PDFsharp's ToUnicode map (PDFsharp keys that map, and the font
/// subset, by code point): the character the glyph stands for in the face's character map, or for a conjunct, half form,
/// reph or ligature part (no character of its own) a private-use code point U+F0000 + glyph id;</item>
/// <item>the word's glyphs are wrapped in marked content with <c>/ActualText</c> (ISO 32000-1 §14.9.4), inside the text
/// object: a left-to-right word as signed, a right-to-left word with its characters in visual order, which poppler,
/// reordering a page's right-to-left text itself, turns back into the word as signed — so <c>pdftotext</c> gets the
/// word, and PdfPig the same characters from the file and from a rebuilt certificate, whatever the glyph order on the
/// page (reph, reordered vowel signs, joining forms, marks placed by GPOS).</item>
/// </list>
/// </summary>
internal static class ShapedDrawing
{
    [ThreadStatic]
    private static CodePointGlyphIndexPair[]? _pending;

    private const int PrivateUseBase = 0xF0000;

    /// <summary>Lets <paramref name="document"/>'s text drawing take shaped glyph ids (call once per document).</summary>
    public static void Attach(PdfDocument document) => document.RenderEvents.RenderTextEvent += (_, args) =>
    {
        if (_pending is { } glyphs)
        {
            args.CodePointGlyphIndexPairs = glyphs;
            _pending = null;
        }
    };

    /// <summary>Width in points of <paramref name="run"/> drawn in <paramref name="font"/> of the shaped <paramref name="family"/>.</summary>
    public static double Width(string run, string family, XFont font, bool rightToLeft)
    {
        var face = CertificateFontResolver.FaceName(family, font.Bold);
        var width = 0.0;
        foreach (var piece in Pieces(run))
        {
            width += ShapedText.Width(piece, face, rightToLeft);
        }
        return width * font.Size;
    }

    /// <summary>
    /// Draws <paramref name="run"/> (logical order) from its left baseline point; returns its width in points. A
    /// right-to-left run is drawn last word first, each word shaped right to left.
    /// </summary>
    public static double Draw(XGraphics gfx, string run, string family, XFont font, XBrush brush, double x, double baseline, bool rightToLeft)
    {
        var face = CertificateFontResolver.FaceName(family, font.Bold);
        var start = x;
        var pieces = Pieces(run);
        if (rightToLeft)
        {
            pieces.Reverse();
        }
        foreach (var piece in pieces)
        {
            // What a text extractor is given for the word: as signed, or for a right-to-left word its characters in
            // visual order, which poppler, reordering a page's right-to-left text itself, turns back into the word as signed.
            var read = rightToLeft ? ScriptFonts.ReversedCharacters(piece) : piece;
            x += DrawWord(gfx, read, ShapedText.Shape(piece, face, rightToLeft), face, font, brush, x, baseline);
        }
        return x - start;
    }

    private static double DrawWord(XGraphics gfx, string word, ShapedText.Glyph[] glyphs, string face, XFont font, XBrush brush,
        double x, double baseline)
    {
        var size = font.Size;
        var pairs = new CodePointGlyphIndexPair[glyphs.Length];
        var plain = new StringBuilder();
        for (var i = 0; i < glyphs.Length; i++)
        {
            var character = ShapedText.CharacterOf(face, glyphs[i].Id);
            pairs[i] = new CodePointGlyphIndexPair(character ?? PrivateUseBase + glyphs[i].Id, glyphs[i].Id);
            plain.Append(character is { } c ? char.ConvertFromUtf32(c) : "\uFFFD");
        }
        // Words whose glyphs read back as the word itself, each at its own pen position (a space, a word without
        // conjuncts, reordering or positioned marks), need no ActualText. A mark moved by GPOS or drawn with an advance
        // other than its own would be read by poppler as a word of its own.
        var actualText = plain.ToString() != word || glyphs.Any(g => HasOffset(g) || !g.AtNominalAdvance);
        var content = gfx.Internals.ContentStringBuilder
            ?? throw new InvalidOperationException("PDFsharp gave no content stream to draw shaped text into.");
        var marked = -1;
        var pen = 0.0;
        var segmentStart = 0;
        for (var i = 1; i <= glyphs.Length; i++)
        {
            var breaks = i == glyphs.Length || HasOffset(glyphs[i]) || HasOffset(glyphs[i - 1]) || !glyphs[i - 1].AtNominalAdvance;
            if (!breaks)
            {
                continue;
            }
            var first = glyphs[segmentStart];
            _pending = pairs[segmentStart..i];
            // PDFsharp expects as many code points as glyphs; the event then puts the glyphs in their place.
            gfx.DrawString(new string('\u25CC', i - segmentStart), font, brush, x + (pen + first.OffsetX) * size, baseline - first.OffsetY * size, XStringFormats.BaseLineLeft);
            _pending = null;
            if (actualText && marked < 0)
            {
                marked = BeginActualText(content, word);
            }
            for (var k = segmentStart; k < i; k++)
            {
                pen += glyphs[k].Advance;
            }
            segmentStart = i;
        }
        if (marked >= 0)
        {
            EndActualText(content, marked);
        }
        return pen * size;
    }

    private static bool HasOffset(ShapedText.Glyph glyph) => glyph.OffsetX != 0 || glyph.OffsetY != 0;

    /// <summary>
    /// Puts <c>/Span &lt;&lt;/ActualText …&gt;&gt; BDC</c> before the show-text operator PDFsharp has just written (after
    /// its positioning, inside the text object); returns where the marked content starts.
    /// </summary>
    private static int BeginActualText(StringBuilder content, string word)
    {
        var shown = LastIndexOf(content, " Tj\n");
        var literal = shown < 0 ? -1 : LastIndexOf(content, "<", shown);
        if (literal < 0)
        {
            throw new InvalidOperationException("PDFsharp wrote no show-text operator for a shaped word; its content layout changed.");
        }
        var text = new StringBuilder("/Span <</ActualText <FEFF");
        foreach (var unit in word)
        {
            text.Append(((int)unit).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
        }
        text.Append(">>> BDC\n");
        content.Insert(literal, text.ToString());
        return literal;
    }

    /// <summary>Closes the marked content, after checking that no text object ended inside it (nesting must hold).</summary>
    private static void EndActualText(StringBuilder content, int start)
    {
        var inside = content.ToString(start, content.Length - start);
        if (inside.Contains("\nET\n", StringComparison.Ordinal) || inside.Contains("\nBT\n", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("PDFsharp ended the text object within a shaped word; the marked content would not nest.");
        }
        content.Append("EMC\n");
    }

    private static int LastIndexOf(StringBuilder content, string value, int before = -1)
    {
        var end = before < 0 ? content.Length : before;
        for (var i = end - value.Length; i >= 0; i--)
        {
            var match = true;
            for (var k = 0; k < value.Length && match; k++)
            {
                match = content[i + k] == value[k];
            }
            if (match)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The run's words and the spaces between them (each space its own piece, drawn and measured alone).</summary>
    private static List<string> Pieces(string run)
    {
        var pieces = new List<string>();
        var word = new StringBuilder();
        foreach (var c in run)
        {
            if (c is ' ' or '\u00A0')
            {
                if (word.Length > 0)
                {
                    pieces.Add(word.ToString());
                    word.Clear();
                }
                pieces.Add(c.ToString());
                continue;
            }
            word.Append(c);
        }
        if (word.Length > 0)
        {
            pieces.Add(word.ToString());
        }
        return pieces;
    }
}
