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

    // Byte-mode capacity at level M of versions 1–10 (ISO/IEC 18004 Table 7).
    private static readonly int[] Capacities = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213];

    private static string Url(int length)
    {
        var text = new StringBuilder("https://credentials.example.org/v/");
        for (var i = 0; text.Length < length; i++)
        {
            text.Append("q7Hk2mPx9LwZ4rTb8cVn3s-_.~%?=&"[i % 30]);
        }
        return text.ToString(0, length);
    }

    /// <summary>Writes the modules as a binary PGM, 4 pixels a module, with a quiet zone, and decodes it with zbarimg.</summary>
    private static async Task<string> DecodeAsync(bool[,] modules, int quiet)
    {
        const int scale = 4;
        var size = modules.GetLength(0) + 2 * quiet;
        var pixels = size * scale;
        using var image = new MemoryStream();
        image.Write(Encoding.ASCII.GetBytes($"P5 {pixels} {pixels} 255\n"));
        for (var y = 0; y < pixels; y++)
        {
            for (var x = 0; x < pixels; x++)
            {
                var (row, column) = (y / scale - quiet, x / scale - quiet);
                var dark = row >= 0 && column >= 0 && row < modules.GetLength(0) && column < modules.GetLength(0) && modules[row, column];
                image.WriteByte(dark ? (byte)0 : (byte)255);
            }
        }
        var path = Path.Combine(ExternalTool.TempFolder(), "qr.pgm");
        await File.WriteAllBytesAsync(path, image.ToArray());
        var decoded = await ExternalTool.RunAsync("zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", path);
        Assert.That(decoded.ExitCode, Is.Zero, decoded.All);
        return decoded.StdOut.TrimEnd('\n');
    }

    [Test]
    public async Task TryEncode_AtAndOnePastEachVersionsCapacity_TakesTheSmallestVersionAndDecodes()
    {
        for (var version = 1; version <= PdfLimits.MaxFastQrVersion; version++)
        {
            foreach (var length in new[] { Capacities[version - 1], Capacities[version - 1] + 1 })
            {
                var text = Url(length);
                var symbol = QrCode.TryEncode(text);
                if (version == PdfLimits.MaxFastQrVersion && length > Capacities[version - 1])
                {
                    Assert.That(symbol, Is.Null, "past the fast encoder's largest version");
                    continue;
                }
                var expected = length > Capacities[version - 1] ? version + 1 : version;
                Assert.That(symbol!.GetLength(0), Is.EqualTo(17 + 4 * expected), $"{length} characters");
                Assert.That(await DecodeAsync(symbol, 4), Is.EqualTo(text), $"{length} characters, version {expected}");
            }
        }
    }

    [TestCase(PdfLimits.MaxFastQrChars, false, TestName = "QR: the fast encoder takes MaxFastQrChars characters")]
    [TestCase(PdfLimits.MaxFastQrChars + 1, true, TestName = "QR: one past MaxFastQrChars goes to QRCoder, and still decodes")]
    public async Task Modules_AroundTheFastEncodersBound(int length, bool qrCoder)
    {
        var text = Url(length);

        var modules = QrCodeDrawing.Modules(text);

        Assert.That(QrCode.TryEncode(text) is null, Is.EqualTo(qrCoder));
        Assert.That(await DecodeAsync(modules, 0), Is.EqualTo(text));
    }

    [Test]
    public async Task Modules_NonAsciiText_GoesToQrCoderAndDecodes()
    {
        const string text = "https://credentials.example.org/v/é";

        Assert.That(QrCode.TryEncode(text), Is.Null);
        Assert.That(await DecodeAsync(QrCodeDrawing.Modules(text), 0), Is.EqualTo(text));
    }

    [Test]
    public void TryEncode_VerificationUrl_HasFindersTimingAndTheDarkModule()
    {
        var symbol = QrCode.TryEncode(TestCredentials.Model().VerificationUrl.AbsoluteUri)!;
        var size = symbol.GetLength(0);

        foreach (var (top, left) in new[] { (0, 0), (0, size - 7), (size - 7, 0) })
        {
            for (var i = 0; i < 7; i++)
            {
                Assert.That(symbol[top, left + i] && symbol[top + 6, left + i] && symbol[top + i, left] && symbol[top + i, left + 6], Is.True, "finder ring");
            }
            Assert.That(symbol[top + 1, left + 1], Is.False, "finder's light ring");
            Assert.That(symbol[top + 3, left + 3], Is.True, "finder's centre");
        }
        for (var i = 8; i < size - 8; i++)
        {
            Assert.That(symbol[6, i], Is.EqualTo(i % 2 == 0), "horizontal timing");
            Assert.That(symbol[i, 6], Is.EqualTo(i % 2 == 0), "vertical timing");
        }
        Assert.That(symbol[size - 8, 8], Is.True, "dark module");
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
