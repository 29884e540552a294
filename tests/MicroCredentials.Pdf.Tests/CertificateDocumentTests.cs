using UglyToad.PdfPig;

namespace MicroCredentials.Pdf.Tests;

public sealed class CertificateDocumentTests
{
    private static string PageText(byte[] pdf, int page)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(' ', document.GetPage(page).GetWords().Select(w => w.Text));
    }

    [TestCase(CertificateLanguage.English, TestCredentials.TitleEn, "6 ECTS", "This is to certify that", TestName = "GeneratePdf_English_PrintsNameTitleEctsInEnglish")]
    [TestCase(CertificateLanguage.Dutch, TestCredentials.TitleNl, "6 ECTS", "Hierbij wordt verklaard dat", TestName = "GeneratePdf_Dutch_PrintsNameTitleEctsInDutch")]
    public void GeneratePdf_Language_PrintsValuesInThatLanguage(CertificateLanguage language, string title, string ects, string phrase)
    {
        var text = PageText(CertificateFixture.Signed(language), 1);

        Assert.That(text, Does.Contain(TestCredentials.LearnerName));
        Assert.That(text, Does.Contain(title));
        Assert.That(text, Does.Contain(ects));
        Assert.That(text, Does.Contain(phrase));
        Assert.That(text, Does.Contain("EQF"));
        Assert.That(text, Does.Contain("16/20"));
    }

    [Test]
    public void GeneratePdf_EnglishDetailsPage_ListsOutcomesAndEuElements()
    {
        var text = PageText(CertificateFixture.Signed(CertificateLanguage.English), 2);

        Assert.That(text, Does.Contain("Apply privacy, ethics and the GDPR when using health data."));
        Assert.That(text, Does.Contain("6 ECTS (150 hours)"));
        // The value may wrap, and the other column's lines interleave with it in the text.
        Assert.That(text, Does.Contain("Written exam (60%) and individual project").And.Contain("(40%)"));
        Assert.That(text, Does.Contain("Blended: online and on campus in Ghent"));
        Assert.That(text, Does.Contain("accredited by NVAO"));
        Assert.That(text, Does.Contain("Bachelor's degree in a health-related field"));
        Assert.That(text, Does.Contain("Stackable towards the postgraduate certificate"));
    }

    [Test]
    public void GeneratePdf_DutchDecimalCredits_PrintsDecimalComma()
    {
        var pdf = CertificateFixture.Signed(TestCredentials.Credential(ects: 4.5m), CertificateLanguage.Dutch);

        Assert.That(PageText(pdf, 1), Does.Contain("4,5 ECTS"));
    }

    [Test]
    public void GeneratePdf_NoGrade_LeavesResultOut()
    {
        var pdf = CertificateFixture.Signed(TestCredentials.Credential(grade: null));

        Assert.That(PageText(pdf, 1), Does.Not.Contain("RESULT"));
    }

    [TestCase("Zoë Müller-Brontë")]
    [TestCase("Łukasz Żółkiewski")]
    [TestCase("Nguyễn Thị Ánh")]
    [TestCase("Anders Ångström")]
    public void GeneratePdf_UnicodeName_IsPrintedAndReadBack(string name)
    {
        var pdf = CertificateFixture.Signed(TestCredentials.Credential(learnerName: name));

        Assert.That(PageText(pdf, 1), Does.Contain(name));
    }

    [Test]
    public void GeneratePdf_VeryLongNameAndTitle_WrapsWithinThePage()
    {
        var credential = TestCredentials.Credential(
            learnerName: "Maria-Magdalena Alexandrina Constantinopoulou-Van den Bossche de la Fontaine-Żółkiewska",
            titleEn: "Advanced Interdisciplinary Methods in Clinical Data Science, Health Informatics and Responsible Artificial Intelligence for Hospital Care Pathways");
        var pdf = CertificateFixture.Signed(credential);

        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            // Everything stays inside the gold inner frame (25 pt from each edge).
            Assert.That(page.Letters.All(l => l.BoundingBox.Left >= 25 && l.BoundingBox.Right <= page.Width - 25
                && l.BoundingBox.Bottom >= 25 && l.BoundingBox.Top <= page.Height - 25), Is.True, $"page {page.Number}");
        }
        Assert.That(CertificateReader.Read(pdf).PrintedValues, Is.EqualTo(PrintedValuesCheck.Match));
    }

    [Test]
    public void GeneratePdf_ManyOutcomesAndLongElements_DetailsPageStaysInsideFrame()
    {
        var credential = TestCredentials.Credential();
        var achievement = credential.CredentialSubject.Achievement;
        var outcome = "Critically evaluate the methodological quality, reproducibility and clinical relevance of published health data studies, and justify the choice of method to peers.";
        credential = credential with
        {
            CredentialSubject = credential.CredentialSubject with
            {
                Achievement = achievement with
                {
                    LearningOutcome = new Dictionary<string, IReadOnlyList<string>> { ["en"] = Enumerable.Repeat(outcome, 40).ToList() },
                    QualityAssurance = new Dictionary<string, string> { ["en"] = string.Join(' ', Enumerable.Repeat("Accredited by NVAO within the institutional review framework.", 30)) },
                },
            },
        };

        using var document = PdfDocument.Open(CertificateFixture.Signed(credential));

        var page = document.GetPage(2);
        Assert.That(page.Letters.All(l => l.BoundingBox.Left >= 25 && l.BoundingBox.Right <= page.Width - 25
            && l.BoundingBox.Bottom >= 25 && l.BoundingBox.Top <= page.Height - 25), Is.True);
        var text = string.Join(' ', page.GetWords().Select(w => w.Text));
        Assert.That(text, Does.Contain("continued in full in the signed micro-credential embedded in this certificate"));
        // The other Annex I elements move to the right column rather than being cut.
        // The value may wrap, and the other column's lines interleave with it in the text.
        Assert.That(text, Does.Contain("Written exam (60%) and individual project").And.Contain("(40%)"));
        Assert.That(text, Does.Contain("Supervised exam, identity checked on campus"));
    }

    [Test]
    public void GeneratePdf_ParallelRenders_AllSucceed()
    {
        var results = Enumerable.Range(0, 4).AsParallel().WithDegreeOfParallelism(4)
            .Select(i => CertificateReader.Read(CertificateFixture.Signed(i % 2 == 0 ? CertificateLanguage.English : CertificateLanguage.Dutch)).Verdict)
            .ToList();

        Assert.That(results, Is.All.EqualTo(CertificateVerdict.SignatureValid));
    }

    [Test]
    public void GeneratePdf_Metadata_ComesFromTheCredential()
    {
        using var document = PdfDocument.Open(CertificateFixture.Signed(CertificateLanguage.Dutch));

        Assert.That(document.Information.Title, Is.EqualTo($"Certificaat – {TestCredentials.TitleNl} – {TestCredentials.LearnerName}"));
        Assert.That(document.Information.Author, Is.EqualTo("Nova Academy"));
        Assert.That(document.Information.GetCreatedDateTimeOffset(), Is.EqualTo(new DateTimeOffset(2026, 6, 30, 9, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void GeneratePdf_FirstPage_IsA4Landscape()
    {
        using var document = PdfDocument.Open(CertificateFixture.Signed(CertificateLanguage.English));

        Assert.That((document.GetPage(1).Width, document.GetPage(1).Height), Is.EqualTo((842d, 595d)));
        Assert.That(document.NumberOfPages, Is.EqualTo(2));
    }

    [Test]
    public void Constructor_UrlNotEndingInHandle_Throws()
    {
        var model = TestCredentials.Model() with { CredentialHandle = "another-handle" };

        Assert.That(() => new CertificateDocument(model), Throws.ArgumentException);
    }

    [Test]
    public void Constructor_NotACredential_Throws()
    {
        var model = TestCredentials.Model() with { CredentialJson = "{\"hello\":1}" };

        Assert.That(() => new CertificateDocument(model), Throws.ArgumentException);
    }

    [Test]
    public void ShippedFonts_CoverEveryCharacterOfTheTestNames()
    {
        const string names = "Zoë Müller-Brontë Łukasz Żółkiewski Nguyễn Thị Ánh Ångström –…";
        // The own faces (Noto Serif/Sans); the script fallbacks are checked in CertificateScriptTests.
        var fonts = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src", "MicroCredentials.Pdf", "Fonts"), "Noto*.ttf")
            .Where(f => Path.GetFileName(f) is var n && (n.StartsWith("NotoSans-", StringComparison.Ordinal) || n.StartsWith("NotoSerif-", StringComparison.Ordinal))).ToList();
        Assert.That(fonts, Has.Count.EqualTo(5));
        foreach (var font in fonts)
        {
            var bytes = File.ReadAllBytes(font);
            var missing = names.Where(c => !char.IsWhiteSpace(c) && !TrueTypeCmap.HasGlyph(bytes, c)).ToList();
            Assert.That(missing, Is.Empty, Path.GetFileName(font));
        }
    }

    [Test]
    public void TrueTypeCmap_CharacterOutsideTheFont_IsReportedMissing()
    {
        var serif = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "src", "MicroCredentials.Pdf", "Fonts", "NotoSerif-Regular.ttf"));

        // CJK ideographs are not in Noto Serif (Latin/Greek/Cyrillic): proves the check can fail.
        Assert.That(TrueTypeCmap.HasGlyph(serif, '\u4E2D'), Is.False);
        Assert.That(TrueTypeCmap.HasGlyph(serif, 'A'), Is.True);
    }
}
