using System.Globalization;
using MicroCredentials.Catalog;
using MicroCredentials.Pdf.Layout;
using MicroCredentials.Pdf.Text;
using HbFont = HarfBuzzSharp.Font;

namespace MicroCredentials.Pdf.Tests;

/// <summary>
/// Issue 13 point 1 for Arabic, Hebrew and Thai, shaped with HarfBuzz like the Indic scripts: Arabic joins (with
/// lam-alef and harakat), Hebrew carries its points, Thai its tone and vowel marks, each placed by the fonts' GPOS;
/// right-to-left words are shaped right to left and meet the bidi order of the line. The name prints exactly as signed
/// (<c>pdftotext</c>), no glyph is 0, the page rasterises, and the upload verifies as genuine.
/// </summary>
public sealed partial class CertificateScriptTests
{
    [TestCase("Arabic", "عَلَاء مُحَمَّد", TestName = "Arabic name with harakat and lam-alef shaped, printed exactly, genuine")]
    [TestCase("Hebrew", "אַבְרָהָם כֹּהֵן", TestName = "Hebrew name with niqqud shaped, printed exactly, genuine")]
    [TestCase("Thai", "สมศักดิ์ ปิ่นทอง", TestName = "Thai name with tone marks shaped, printed exactly, genuine")]
    public async Task ShapedScript_Name_PrintedExactly_NoNotdef_Embedded_Genuine(string script, string name)
    {
        Assert.That(CertificateCharacters.Problem(name, "the name"), Is.Null);
        var pdf = IssuedCertificate(name);
        var path = CertificateFixture.WriteTemp(pdf, $"{script}.pdf");

        var family = ScriptFonts.FallbackFor(name[0])!;
        Assert.That(ScriptFonts.IsShaped(family), Is.True);
        var rightToLeft = script != "Thai";
        var face = CertificateFontResolver.FaceName(family, bold: true);
        Assert.That(ShapedGlyphs(name, face, rightToLeft).Select(g => g.Id), Has.None.EqualTo(0), "a character shaped to .notdef");
        if (script == "Arabic")
        {
            // Joining: the letters are drawn as their initial, medial and final forms and lam + alef as one glyph,
            // not as the characters one for one (read in either order).
            var letters = name.Replace(" ", "", StringComparison.Ordinal);
            var drawn = DrawnCharacters(name, face, rightToLeft);
            Assert.That(drawn, Is.Not.EqualTo(letters).And.Not.EqualTo(ScriptFonts.ReversedCharacters(letters)), "the name is not joined");
            Assert.That(drawn, Does.Contain("\uFEE3").Or.Contain("\uFEE4"), "meem in an initial or medial form");
            Assert.That(IsLamAlefLigature("عَلَاء", face), Is.True, "lam + alef is not the ligature");
        }
        // The marks are placed by GPOS: some mark glyph of the name is moved from its pen position.
        Assert.That(ShapedGlyphs(name, face, rightToLeft).Any(g => g.Advance == 0 && (g.OffsetX != 0 || g.OffsetY != 0)), Is.True,
            "no mark is positioned");

        var lines = await PdftotextLinesAsync(path, "-f", "1", "-l", "1");
        Assert.That(lines, Does.Contain(name), string.Join("\n", lines));
        Assert.That(NotdefUses(pdf), Is.Empty, "a font maps a drawn code to glyph 0 (.notdef)");
        await AssertEmbeddedAsCidSubsetAsync(path, family);
        await AssertRasterisesAndVerifiesAsync(pdf, path);
    }

    [Test]
    public async Task ArabicWithinLatin_DrawnInVisualOrder_PrintedAsSigned_Genuine()
    {
        const string name = "Sara سَارَة Haddad";
        Assert.That(CertificateCharacters.Problem(name, "the name"), Is.Null);
        var pdf = IssuedCertificate(name);
        var path = CertificateFixture.WriteTemp(pdf, "mixed.pdf");

        // On the page, left to right: "Sara", then the Arabic word with its last letter leftmost, then "Haddad".
        // Read without /ActualText, the glyphs give the characters they stand for (joining forms: NFKC gives the letters).
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            static bool IsArabic(UglyToad.PdfPig.Content.Letter l) =>
                l.Value.Normalize(System.Text.NormalizationForm.FormKC).Any(c => c is >= '\u0600' and <= '\u06FF');
            var letters = document.GetPage(1).Letters;
            var baseline = letters.First(IsArabic).StartBaseLine.Y;
            var line = letters.Where(l => Math.Abs(l.StartBaseLine.Y - baseline) < 0.5 && !string.IsNullOrWhiteSpace(l.Value))
                .OrderBy(l => l.StartBaseLine.X).ToList();
            var arabic = line.Where(IsArabic).ToList();
            var latin = line.Except(arabic).ToList();
            Assert.That(string.Concat(latin.Where(l => l.StartBaseLine.X < arabic[0].StartBaseLine.X).Select(l => l.Value)), Is.EqualTo("Sara"));
            Assert.That(string.Concat(latin.Where(l => l.StartBaseLine.X > arabic[^1].StartBaseLine.X).Select(l => l.Value)), Is.EqualTo("Haddad"));
            var drawn = string.Concat(arabic.Select(l => l.Value)).Normalize(System.Text.NormalizationForm.FormKC);
            Assert.That(string.Concat(ScriptFonts.ReversedCharacters(drawn).Where(char.IsLetter)), Is.EqualTo("سارة"), "the Arabic word is not drawn right to left");
        }

        // poppler puts the words back into logical order; it moves the space between the runs (see docs/pdf.md).
        var lines = await PdftotextLinesAsync(path, "-f", "1", "-l", "1");
        Assert.That(lines.Select(l => string.Concat(l.Where(c => !char.IsWhiteSpace(c)))), Does.Contain("SaraسَارَةHaddad"), string.Join("\n", lines));
        Assert.That(NotdefUses(pdf), Is.Empty, "a font maps a drawn code to glyph 0 (.notdef)");
        await AssertRasterisesAndVerifiesAsync(pdf, path);
    }

    private static readonly Dictionary<string, (char Letter, bool RightToLeft)> MarkBases = new()
    {
        ["Arabic"] = ('\u0628', true), // beh
        ["Hebrew"] = ('\u05D1', true), // bet
        ["Thai"] = ('\u0E1B', false), // po pla, a tall consonant: marks above must move left of its stem
    };

    [Test]
    public void DrawableMarks_ShapedOntoTheirLetter_InEveryFace()
    {
        // Every combining mark issue accepts for Arabic, Hebrew and Thai is drawn over its letter: HarfBuzz gives no
        // glyph 0, the mark takes no room of its own, and its ink overlaps the letter's (GPOS anchors, or the letter and
        // mark composed into one other glyph).
        foreach (var (script, (letter, rightToLeft)) in MarkBases)
        {
            var marks = CertificateCharacters.FallbackRanges[script].SelectMany(r => Enumerable.Range(r.First, r.Last - r.First + 1))
                .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark).ToList();
            Assert.That(marks, Is.Not.Empty, script);
            var family = ScriptFonts.FallbackFor(letter)!;
            foreach (var bold in new[] { false, true })
            {
                var face = CertificateFontResolver.FaceName(family, bold);
                using var ink = new InkBoxes(face);
                var alone = ShapedText.Shape(letter.ToString(), face, rightToLeft).Single();
                foreach (var mark in marks)
                {
                    var text = $"{letter}{(char)mark}";
                    var glyphs = ShapedText.Shape(text, face, rightToLeft);
                    Assert.That(glyphs.Select(g => g.Id), Has.None.EqualTo(0), $"{face} U+{mark:X4}");
                    Assert.That(glyphs.Sum(g => g.Advance), Is.EqualTo(alone.Advance).Within(1e-9), $"{face} U+{mark:X4} takes room");
                    if (glyphs.Length == 1)
                    {
                        Assert.That(glyphs[0].Id, Is.Not.EqualTo(alone.Id), $"{face} U+{mark:X4} is not drawn");
                        continue;
                    }
                    var boxes = ink.Boxes(glyphs);
                    var letterBox = boxes[Array.FindIndex(glyphs, g => g.Advance > 0)];
                    Assert.That(boxes.Where((_, i) => glyphs[i].Advance == 0).All(b => b.Left < letterBox.Right && b.Right > letterBox.Left), Is.True,
                        $"{face} U+{mark:X4} is drawn beside its letter");
                }
            }
        }
    }

    /// <summary>Horizontal ink extents (em) of shaped glyphs at their drawn places, read from the face with HarfBuzz.</summary>
    private sealed class InkBoxes : IDisposable
    {
        private readonly HarfBuzzSharp.Blob _blob;
        private readonly HarfBuzzSharp.Face _face;
        private readonly HbFont _font;

        public InkBoxes(string faceName)
        {
            var bytes = CertificateFontResolver.FaceBytes(faceName);
            var pinned = System.Runtime.InteropServices.GCHandle.Alloc(bytes, System.Runtime.InteropServices.GCHandleType.Pinned);
            try
            {
                _blob = new HarfBuzzSharp.Blob(pinned.AddrOfPinnedObject(), bytes.Length, HarfBuzzSharp.MemoryMode.Duplicate);
            }
            finally
            {
                pinned.Free();
            }
            _face = new HarfBuzzSharp.Face(_blob, 0);
            _font = new HbFont(_face);
            _font.SetScale(_face.UnitsPerEm, _face.UnitsPerEm);
        }

        public (double Left, double Right)[] Boxes(ShapedText.Glyph[] glyphs)
        {
            var boxes = new (double Left, double Right)[glyphs.Length];
            var pen = 0.0;
            for (var i = 0; i < glyphs.Length; i++)
            {
                Assert.That(_font.TryGetGlyphExtents(glyphs[i].Id, out var extents), Is.True);
                var left = pen + glyphs[i].OffsetX + extents.XBearing / (double)_face.UnitsPerEm;
                boxes[i] = (left, left + extents.Width / (double)_face.UnitsPerEm);
                pen += glyphs[i].Advance;
            }
            return boxes;
        }

        public void Dispose()
        {
            _font.Dispose();
            _face.Dispose();
            _blob.Dispose();
        }
    }

    private byte[] IssuedCertificate(string name) =>
        new CertificateDocument(_genuine.Model(_genuine.Sign(TestCredentials.Credential(learnerName: name)))).GenerateSignedPdf(_genuine.Seal, CertificateFixture.SigningTime);
}
