using UglyToad.PdfPig;

namespace MicroCredentials.Pdf.Tests;

/// <summary>
/// Issue 13 point 4: the award date and the date of issue have distinct labels, the same on both pages; French is a
/// third certificate language whose PDF reads back as genuine.
/// </summary>
public sealed class CertificateWordingTests
{
    private static string PageText(byte[] pdf, int page)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(' ', document.GetPage(page).GetWords().Select(w => w.Text));
    }

    [TestCase(CertificateLanguage.Dutch, "TOEGEKEND OP", "Toegekend op", "Datum van uitreiking")]
    [TestCase(CertificateLanguage.English, "AWARDED ON", "Awarded on", "Date of issue")]
    [TestCase(CertificateLanguage.French, "DÉCERNÉ LE", "Décerné le", "Date de délivrance")]
    public void AwardAndIssueDates_HaveDistinctLabelsOnBothPages(CertificateLanguage language, string front, string award, string issue)
    {
        var pdf = CertificateFixture.Signed(language);

        var page1 = PageText(pdf, 1);
        var page2 = PageText(pdf, 2);
        Assert.That(page1, Does.Contain(front));
        // Table labels are printed in capitals.
        Assert.That(page2, Does.Contain(award.ToUpperInvariant()));
        Assert.That(page2, Does.Contain(issue.ToUpperInvariant()));
        Assert.That(page1 + page2, Does.Not.Contain("UITGEREIKT OP").And.Not.Contain("Uitgereikt op"));
    }

    [Test]
    public void French_ReadsBackAsGenuine_WithFrenchWords()
    {
        var pdf = CertificateFixture.Signed(CertificateLanguage.French);

        var result = CertificateReader.Read(pdf);

        Assert.That(result.Verdict, Is.EqualTo(CertificateVerdict.SignatureValid), result.Detail);
        Assert.That(result.PrintedValues, Is.EqualTo(PrintedValuesCheck.Match), string.Join("; ", result.Mismatches));
        var page1 = PageText(pdf, 1);
        Assert.That(page1, Does.Contain("Certificat").And.Contain("MICROCERTIFICATION").And.Contain("Nous certifions que"));
        Assert.That(PageText(pdf, 2), Does.Contain("Détails de la microcertification"));
    }

    [TestCase("nl", CertificateLanguage.Dutch)]
    [TestCase("en", CertificateLanguage.English)]
    [TestCase("fr", CertificateLanguage.French)]
    [TestCase("de", CertificateLanguage.Dutch)]
    public void LanguageOf_Keys(string key, CertificateLanguage expected)
    {
        Assert.That(CertificateRendering.LanguageOf(key), Is.EqualTo(expected));
        Assert.That(CertificateRendering.IsLanguage(key), Is.EqualTo(key != "de"));
    }

    [Test]
    public void EnglishAndDutchTerms_AgreeWithThePages()
    {
        var english = PageText(CertificateFixture.Signed(CertificateLanguage.English), 1);
        var dutch = PageText(CertificateFixture.Signed(CertificateLanguage.Dutch), 1);

        Assert.That(english, Does.Contain("signed micro-credential").And.Not.Contain("signed credential"));
        Assert.That(dutch, Does.Contain("microcredential").And.Not.Contain("getuigschrift").And.Not.Contain("micro-credential"));
    }
}
