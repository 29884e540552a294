namespace MicroCredentials.Pdf.Tests;

public sealed class QrCodeTests
{
    [TestCase(CertificateLanguage.English)]
    [TestCase(CertificateLanguage.Dutch)]
    public async Task GeneratePdf_RasterisedFirstPage_QrDecodesToVerificationUrl(CertificateLanguage language)
    {
        var path = CertificateFixture.WriteTemp(CertificateFixture.Signed(language));
        var prefix = Path.Combine(Path.GetDirectoryName(path)!, "page");

        var raster = await ExternalTool.RunAsync("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", path, prefix);
        var decoded = await ExternalTool.RunAsync("zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", prefix + ".png");

        Assert.That(raster.ExitCode, Is.Zero, raster.All);
        Assert.That(decoded.StdOut.Trim(), Is.EqualTo(TestCredentials.Model().VerificationUrl.AbsoluteUri));
    }
}
