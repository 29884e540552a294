using System.Text;

namespace MicroCredentials.Pdf.Tests;

public sealed class PdfSignatureTests
{
    [Test]
    public async Task GenerateSignedPdf_Pdfsig_ReportsValidSignatureOverWholeDocument()
    {
        var path = CertificateFixture.WriteTemp(CertificateFixture.Signed(CertificateLanguage.English));

        var pdfsig = await ExternalTool.RunAsync("pdfsig", path);

        Assert.That(pdfsig.StdOut, Does.Contain("Signature is Valid"));
        Assert.That(pdfsig.StdOut, Does.Contain("Total document signed"));
        Assert.That(pdfsig.StdOut, Does.Contain("Signature Type: ETSI.CAdES.detached"));
        Assert.That(pdfsig.StdOut, Does.Contain("Signing Hash Algorithm: SHA-256"));
        Assert.That(pdfsig.StdOut, Does.Contain("Nova Academy demo seal"));
    }

    [Test]
    public async Task Sign_UnsignedPdf_PdfsigReportsValid()
    {
        using var seal = RepositoryPaths.DemoSeal();
        var unsigned = new CertificateDocument(TestCredentials.Model()).GeneratePdf();

        var signed = PdfSealSigner.Sign(unsigned, seal, CertificateFixture.SigningTime);
        var pdfsig = await ExternalTool.RunAsync("pdfsig", CertificateFixture.WriteTemp(signed));

        Assert.That(pdfsig.StdOut, Does.Contain("Signature is Valid"));
        Assert.That(pdfsig.StdOut, Does.Contain("Total document signed"));
        Assert.That(CertificateReader.Read(signed).Verdict, Is.EqualTo(CertificateVerdict.SignatureValid));
    }

    [Test]
    public async Task GenerateSignedPdf_OneByteFlippedInEmbeddedCredential_SignatureFails()
    {
        var pdf = CertificateFixture.Signed(CertificateLanguage.English);
        var at = Encoding.Latin1.GetString(pdf).IndexOf("Data Science for Healthcare", StringComparison.Ordinal);
        Assert.That(at, Is.Positive, "the embedded JSON is stored uncompressed");
        pdf[at] ^= 0x20; // "Data" -> "data"

        var pdfsig = await ExternalTool.RunAsync("pdfsig", CertificateFixture.WriteTemp(pdf));
        var result = CertificateReader.Read(pdf);

        Assert.That(pdfsig.StdOut, Does.Not.Contain("Signature is Valid"));
        Assert.That(result.Verdict, Is.EqualTo(CertificateVerdict.SignatureInvalid));
    }

    [TestCase(0.25)]
    [TestCase(0.5)]
    [TestCase(0.9)]
    public async Task GenerateSignedPdf_OneByteFlippedAnywhere_SignatureNotValid(double position)
    {
        var pdf = CertificateFixture.Signed(CertificateLanguage.English);
        pdf[(int)(pdf.Length * position)] ^= 0x01;

        var pdfsig = await ExternalTool.RunAsync("pdfsig", CertificateFixture.WriteTemp(pdf));
        var result = CertificateReader.Read(pdf);

        Assert.That(pdfsig.StdOut, Does.Not.Contain("Signature is Valid"));
        Assert.That(result.Verdict, Is.Not.EqualTo(CertificateVerdict.SignatureValid));
    }

    [Test]
    public void Sign_CertificateWithoutPrivateKey_Throws()
    {
        using var seal = RepositoryPaths.DemoSeal();
        using var publicOnly = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(seal.RawData);

        Assert.That(() => PdfSealSigner.Sign(new CertificateDocument(TestCredentials.Model()).GeneratePdf(), publicOnly, CertificateFixture.SigningTime),
            Throws.ArgumentException);
    }
}
