using System.Text;
using MicroCredentials.Pdf.Layout;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace MicroCredentials.Pdf.Tests;

public sealed class CertificateReaderTests
{
    [Test]
    public void Read_SignedCertificate_ReportsValidSignerTimeAndMatch()
    {
        var result = CertificateReader.Read(CertificateFixture.Signed(CertificateLanguage.English));

        Assert.That(result.Verdict, Is.EqualTo(CertificateVerdict.SignatureValid), result.Detail);
        Assert.That(result.SignerSubject, Does.Contain("CN=Nova Academy demo seal"));
        Assert.That(result.SigningTime, Is.EqualTo(CertificateFixture.SigningTime));
        Assert.That(result.SubFilter, Is.EqualTo("ETSI.CAdES.detached"));
        Assert.That(result.PrintedValues, Is.EqualTo(PrintedValuesCheck.Match));
        Assert.That(result.Mismatches, Is.Empty);
    }

    [Test]
    public void Read_DutchCertificate_PrintedValuesMatch()
    {
        Assert.That(CertificateReader.Read(CertificateFixture.Signed(CertificateLanguage.Dutch)).PrintedValues, Is.EqualTo(PrintedValuesCheck.Match));
    }

    [Test]
    public void Read_UnsignedCertificate_ReturnsNoSignatureWithCredential()
    {
        var result = CertificateReader.Read(new CertificateDocument(TestCredentials.Model()).GeneratePdf());

        Assert.That(result.Verdict, Is.EqualTo(CertificateVerdict.NoSignature));
        Assert.That(result.CredentialJson, Is.EqualTo(TestCredentials.Json()));
        Assert.That(result.PrintedValues, Is.EqualTo(PrintedValuesCheck.Match));
    }

    [Test]
    public void Read_NotAPdf_ReturnsNotAPdf()
    {
        var result = CertificateReader.Read(Encoding.UTF8.GetBytes("{\"not\":\"a pdf\"}"));

        Assert.That(result.Verdict, Is.EqualTo(CertificateVerdict.NotAPdf));
    }

    [Test]
    public void Read_Empty_ReturnsNotAPdf()
    {
        Assert.That(CertificateReader.Read([]).Verdict, Is.EqualTo(CertificateVerdict.NotAPdf));
    }

    [TestCase(0.5)]
    [TestCase(0.98)]
    [TestCase(0.02)]
    public void Read_TruncatedCertificate_ReturnsDamagedOrInvalidNeverThrows(double keep)
    {
        var pdf = CertificateFixture.Signed(CertificateLanguage.English);

        var result = CertificateReader.Read(pdf.AsSpan(0, (int)(pdf.Length * keep)));

        Assert.That(result.Verdict, Is.EqualTo(CertificateVerdict.Damaged), result.Detail);
    }

    [Test]
    public void Read_HeaderThenGarbage_ReturnsDamaged()
    {
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.7\n" + new string('x', 4000));

        Assert.That(CertificateReader.Read(bytes).Verdict, Is.EqualTo(CertificateVerdict.Damaged));
    }

    [Test]
    public void Read_ForeignPdf_ReturnsNoSignatureAndNoCredential()
    {
        var result = CertificateReader.Read(ForeignPdf(attachCredential: false));

        Assert.That(result.Verdict, Is.EqualTo(CertificateVerdict.NoSignature));
        Assert.That(result.CredentialJson, Is.Null);
        Assert.That(result.PrintedValues, Is.EqualTo(PrintedValuesCheck.NotChecked));
        Assert.That(result.Detail, Does.Contain("not a certificate"));
    }

    [Test]
    public void Read_PrintedNameDiffersFromEmbeddedCredential_ReportsMismatch()
    {
        var result = CertificateReader.Read(ForeignPdf(attachCredential: true));

        Assert.That(result.PrintedValues, Is.EqualTo(PrintedValuesCheck.Mismatch));
        Assert.That(result.Mismatches, Does.Contain("name").And.Not.Contain("title").And.Not.Contain("ects"));
        Assert.That(result.PrintedDifference, Is.Not.Null);
    }

    [Test]
    public void Read_AppendedBytesAfterSigning_ReturnsSignatureInvalid()
    {
        var pdf = CertificateFixture.Signed(CertificateLanguage.English);
        var extended = pdf.Concat(Encoding.ASCII.GetBytes("\n% appended\n")).ToArray();

        Assert.That(CertificateReader.Read(extended).Verdict, Is.EqualTo(CertificateVerdict.SignatureInvalid));
    }

    /// <summary>A PDF made elsewhere: another learner's name printed, optionally our credential attached.</summary>
    private static byte[] ForeignPdf(bool attachCredential)
    {
        CertificateFontResolver.EnsureRegistered();
        using var document = new PdfDocument();
        var page = document.AddPage();
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var font = new XFont(CertificateFontResolver.Serif, 14);
            gfx.DrawString($"Certificate for Somebody Else — {TestCredentials.TitleEn} — 6 ECTS", font, XBrushes.Black, 40, 80);
        }
        if (attachCredential)
        {
            PdfAttachments.Embed(document,
                [new(CertificateFiles.CredentialJsonName, Encoding.UTF8.GetBytes(TestCredentials.Json()), CertificateFiles.CredentialJsonMediaType, "credential", "Source")],
                CertificateFixture.SigningTime);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }
}
