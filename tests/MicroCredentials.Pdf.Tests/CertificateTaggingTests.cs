using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace MicroCredentials.Pdf.Tests;

/// <summary>
/// Issue 13 point 2 (tagging): the certificate has a PDF/UA-style structure tree — headings, paragraphs, tables, the QR
/// code as a figure with alternative text — in reading order, with the document language; read back with poppler's
/// <c>pdfinfo -struct-text</c> and with PdfPig.
/// </summary>
public sealed class CertificateTaggingTests
{
    private static async Task<List<string>> StructureAsync(byte[] pdf)
    {
        var result = await ExternalTool.RunAsync("pdfinfo", "-struct-text", CertificateFixture.WriteTemp(pdf));
        Assert.That(result.ExitCode, Is.EqualTo(0), result.All);
        return result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToList();
    }

    [Test]
    public async Task StructureTree_ReadsInOrder_WithHeadingsParagraphsTablesAndFigure()
    {
        var lines = await StructureAsync(CertificateFixture.Signed(CertificateLanguage.English));

        Assert.That(lines[0], Is.EqualTo("Document"));
        Assert.That(lines.Count(l => l == "H1 (block)"), Is.EqualTo(2), "one heading per page");
        Assert.That(lines.Count(l => l == "H2 (block)"), Is.GreaterThanOrEqualTo(2), "section headings on the details page");
        Assert.That(lines.Count(l => l == "Table (block)"), Is.GreaterThanOrEqualTo(2));
        Assert.That(lines.Count(l => l == "TH"), Is.EqualTo(lines.Count(l => l == "TD")), "every row has a header and a data cell");
        Assert.That(lines.Count(l => l.StartsWith("Figure", StringComparison.Ordinal)), Is.EqualTo(1), "the QR code");

        // Reading order: the heading, then the learner, then the title, then the facts, then page 2.
        string[] order = ["\"Certificate\"", $"\"{TestCredentials.LearnerName}\"", $"\"{TestCredentials.TitleEn}\"", "\"CREDITS\"", "\"Micro-credential details\""];
        var positions = order.Select(o => lines.FindIndex(l => l == o)).ToList();
        Assert.That(positions, Has.All.GreaterThanOrEqualTo(0), string.Join("\n", lines.Take(60)));
        Assert.That(positions, Is.Ordered);
    }

    [Test]
    public async Task WrappedLines_AreReadWithASpaceBetweenThem()
    {
        var lines = await StructureAsync(CertificateFixture.Signed(CertificateLanguage.English));
        Assert.That(lines, Has.Some.Contains("critically appraise simple predictive models"));
    }

    [TestCase(CertificateLanguage.English, "en", TestName = "Catalog language, MarkInfo, title shown, QR alternative text (English)")]
    [TestCase(CertificateLanguage.Dutch, "nl", TestName = "Catalog language, MarkInfo, title shown, QR alternative text (Dutch)")]
    [TestCase(CertificateLanguage.French, "fr", TestName = "Catalog language, MarkInfo, title shown, QR alternative text (French)")]
    public void Catalog_DeclaresLanguageAndMarking_AndTheFigureHasAlternativeText(CertificateLanguage language, string tag)
    {
        var pdf = CertificateFixture.Signed(language);
        using var document = PdfDocument.Open(pdf);
        var objects = new PdfObjects(document);
        var catalog = objects.Catalog;

        Assert.That(objects.Text(catalog, "Lang"), Is.EqualTo(tag));
        Assert.That((objects.Get(objects.Dictionary(catalog, "MarkInfo")!, "Marked") as BooleanToken)?.Data, Is.True);
        Assert.That((objects.Get(objects.Dictionary(catalog, "ViewerPreferences")!, "DisplayDocTitle") as BooleanToken)?.Data, Is.True);

        var elements = new List<DictionaryToken>();
        void Walk(IToken token)
        {
            switch (objects.Resolve(token))
            {
                case DictionaryToken { } element when element.Data.ContainsKey("S"):
                    elements.Add(element);
                    if (element.Data.TryGetValue("K", out var kids))
                    {
                        Walk(kids);
                    }
                    break;
                case ArrayToken array:
                    foreach (var item in array.Data)
                    {
                        Walk(item);
                    }
                    break;
            }
        }
        var root = objects.Dictionary(catalog, "StructTreeRoot")!;
        Walk(root.Data["K"]);
        var figure = elements.Single(e => objects.Name(e, "S") == "Figure");
        Assert.That(objects.Text(figure, "Alt"), Does.EndWith(TestCredentials.Model(language).VerificationUrl.AbsoluteUri));
        Assert.That(objects.Text(figure, "Alt")!.Length, Is.GreaterThan(TestCredentials.Model(language).VerificationUrl.AbsoluteUri.Length + 10));
    }

    [Test]
    public void EveryLetter_IsInsideMarkedContent()
    {
        var pdf = CertificateFixture.Signed(CertificateLanguage.English);
        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            // PDF/UA-1 §7.1: content is either tagged (an MCID in the structure tree) or an artifact — nothing is left over.
            var marked = page.GetMarkedContents().SelectMany(Flatten).Sum(m => m.Letters.Count);
            Assert.That(marked, Is.EqualTo(page.Letters.Count), $"page {page.Number}");
        }
        static IEnumerable<UglyToad.PdfPig.Content.MarkedContentElement> Flatten(UglyToad.PdfPig.Content.MarkedContentElement element) =>
            [element];
    }
}
