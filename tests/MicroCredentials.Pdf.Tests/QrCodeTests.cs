using System.Text;
using MicroCredentials.Pdf.Layout;

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

    [Test]
    public async Task Modules_VerificationUrl_DecodesWithZbarimg()
    {
        var text = TestCredentials.Model().VerificationUrl.AbsoluteUri;
        var modules = QrCodeDrawing.Modules(text);
        const int scale = 4;
        var pixels = modules.GetLength(0) * scale;
        using var image = new MemoryStream();
        image.Write(Encoding.ASCII.GetBytes($"P5 {pixels} {pixels} 255\n"));
        for (var y = 0; y < pixels; y++)
        {
            for (var x = 0; x < pixels; x++)
            {
                image.WriteByte(modules[y / scale, x / scale] ? (byte)0 : (byte)255);
            }
        }
        var path = Path.Combine(ExternalTool.TempFolder(), "qr.pgm");
        await File.WriteAllBytesAsync(path, image.ToArray());

        var decoded = await ExternalTool.RunAsync("zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", path);

        Assert.That(decoded.ExitCode, Is.Zero, decoded.All);
        Assert.That(decoded.StdOut.Trim(), Is.EqualTo(text));
        Assert.That(modules[0, 0] || modules[3, 3], Is.False, "the quiet zone is light");
    }

    [TestCase(0.0)]
    [TestCase(7.0)]
    [TestCase(136.70610000001)]
    [TestCase(2.0487804878)]
    [TestCase(0.05)]
    [TestCase(708.19512195)]
    [TestCase(14.34146341)]
    [TestCase(0.00004)]
    [TestCase(-3.25)]
    public void AppendNumber_WritesWhatPdfSharpsFormatWrites(double value)
    {
        var text = new StringBuilder();

        QrCodeDrawing.AppendNumber(text, value);

        Assert.That(text.ToString(), Is.EqualTo(value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) + " "));
    }
}
