using System.Text;
using MicroCredentials.Catalog;
using MicroCredentials.Verification;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace MicroCredentials.Pdf.Tests;

/// <summary>
/// Issue 13 point 1 for the scripts the Noto Serif/Sans faces lack: right-to-left Hebrew and Arabic, Thai (all three shaped),
/// Chinese, Japanese and Korean print through the fallback faces — <c>pdftotext</c> returns the name as signed, no
/// character is drawn as the .notdef glyph, the page rasterises, and the upload verifies as genuine.
/// </summary>
public sealed partial class CertificateScriptTests
{
    [TestCase("王小明", TestName = "Chinese name printed exactly, no .notdef, genuine")]
    [TestCase("山田 花子", TestName = "Japanese kanji name printed exactly, no .notdef, genuine")]
    [TestCase("すずき ゆうこ", TestName = "Japanese kana name printed exactly, no .notdef, genuine")]
    [TestCase("김민준", TestName = "Korean name printed exactly, no .notdef, genuine")]
    [TestCase("สมชาย ใจดี", TestName = "Thai name printed exactly, no .notdef, genuine")]
    [TestCase("דוד כהן", TestName = "Hebrew name printed exactly, no .notdef, genuine")]
    [TestCase("محمد عبد الله", TestName = "Arabic name printed exactly, no .notdef, genuine")]
    [TestCase("Sara سارة Haddad", TestName = "Arabic within Latin printed exactly, no .notdef, genuine")]
    public async Task FallbackScript_PdftotextReturnsTheName_NoNotdef_AndVerifiesAsGenuine(string name)
    {
        Assert.That(CertificateCharacters.Problem(name, "the name"), Is.Null);
        var json = _genuine.Sign(TestCredentials.Credential(learnerName: name));
        var pdf = new CertificateDocument(_genuine.Model(json)).GenerateSignedPdf(_genuine.Seal, CertificateFixture.SigningTime);
        var path = CertificateFixture.WriteTemp(pdf);

        var lines = await PdftotextLinesAsync(path, "-f", "1", "-l", "1");
        if (name.Any(c => c < 0x80 && char.IsLetter(c)))
        {
            // Mixed directions: poppler rebuilds spaces from gaps and puts the one between the runs inside the
            // right-to-left embedding, so the words are compared in order without the spaces.
            Assert.That(lines.Select(l => string.Concat(l.Where(c => !char.IsWhiteSpace(c)))),
                Does.Contain(string.Concat(name.Where(c => !char.IsWhiteSpace(c)))), string.Join("\n", lines));
        }
        else
        {
            Assert.That(lines, Does.Contain(name), string.Join("\n", lines));
        }

        Assert.That(NotdefUses(pdf), Is.Empty, "a font maps a drawn code to glyph 0 (.notdef)");
        await AssertRasterisesAndVerifiesAsync(pdf, path, "-f", "1", "-l", "1", "-singlefile");
    }

    /// <summary><c>pdftoppm</c> rasterises the pages without a message, the printed text matches, and the upload is genuine.</summary>
    private async Task AssertRasterisesAndVerifiesAsync(byte[] pdf, string path, params string[] pages)
    {
        var raster = await ExternalTool.RunAsync("pdftoppm", ["-r", "40", "-png", .. pages, path, Path.Combine(Path.GetDirectoryName(path)!, "page")]);
        Assert.That(raster.ExitCode, Is.EqualTo(0), raster.All);
        Assert.That(raster.StdErr, Is.Empty);

        var read = CertificateReader.Read(pdf);
        Assert.That(read.PrintedValues, Is.EqualTo(PrintedValuesCheck.Match), $"{read.PrintedDifference} {string.Join(", ", read.Mismatches)}");
        var report = await _genuine.VerifyAsync(pdf);
        Assert.That(report.Verdict, Is.EqualTo(Verdict.Valid), string.Join("; ", report.Checks.Select(c => $"{c.Id}: {c.Outcome} {c.Detail}")));
    }

    [TestCase("王小明", TestName = "Chinese certificate stays under 300 KB")]
    [TestCase("김민준", TestName = "Korean certificate stays under 300 KB")]
    [TestCase("محمد عبد الله", TestName = "Arabic certificate stays under 300 KB")]
    [TestCase("अनुष्का शर्मा", TestName = "Devanagari certificate stays under 300 KB")]
    [TestCase("Łukasz Żółkiewski", TestName = "Latin certificate stays under 300 KB")]
    public void FallbackScript_CertificateSize_StaysUnder300KB(string name)
    {
        // Issue 13 point 5: the fallback faces are embedded as subsets of the glyphs drawn, not whole.
        var pdf = new CertificateDocument(_genuine.Model(_genuine.Sign(TestCredentials.Credential(learnerName: name))))
            .GenerateSignedPdf(_genuine.Seal, CertificateFixture.SigningTime);
        TestContext.Out.WriteLine($"{name}: {pdf.Length / 1024.0:0.0} KB");
        Assert.That(pdf.Length, Is.LessThan(300 * 1024));
    }

    /// <summary>
    /// The fonts whose ToUnicode map lists glyph 0: PDFsharp writes one entry per glyph drawn (Identity-H, so the code
    /// is the glyph id), and a character the face lacks is drawn as glyph 0, the .notdef box.
    /// </summary>
    private static List<string> NotdefUses(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var objects = new PdfObjects(document);
        var found = new List<string>();
        foreach (var page in document.GetPages())
        {
            var resources = objects.Dictionary(page.Dictionary, "Resources")!;
            foreach (var (_, reference) in objects.Dictionary(resources, "Font")!.Data)
            {
                var font = (DictionaryToken)objects.Resolve(reference);
                if (objects.Get(font, "ToUnicode") is not StreamToken map)
                {
                    found.Add($"{objects.Name(font, "BaseFont")} has no ToUnicode map");
                    continue;
                }
                var cmap = Encoding.ASCII.GetString(PdfObjects.Decoded(map));
                if (cmap.Contains("<0000>", StringComparison.Ordinal))
                {
                    found.Add(objects.Name(font, "BaseFont")!);
                }
            }
        }
        return found;
    }
}
