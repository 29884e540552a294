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
    public async Task GenerateSignedPdf_SealWidget_HasThePrintFlag_PdfA632_AndPdfsigStillValid()
    {
        // PDF/A-3 §6.3.2: an annotation's /F has Print set and Hidden, Invisible, NoView, ToggleNoView clear.
        var pdf = CertificateFixture.Signed(CertificateLanguage.English);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var objects = new PdfObjects(document);
        var widgets = objects.Array(document.GetPage(1).Dictionary, "Annots").Select(objects.Resolve).OfType<UglyToad.PdfPig.Tokens.DictionaryToken>()
            .Where(a => objects.Name(a, "Subtype") == "Widget").ToList();

        Assert.That(widgets, Has.Count.EqualTo(1));
        var widget = widgets[0];
        Assert.That(objects.Name(widget, "FT"), Is.EqualTo("Sig"));
        var flags = (int)((UglyToad.PdfPig.Tokens.NumericToken)objects.Get(widget, "F")!).Int;
        Assert.That(flags & 4, Is.EqualTo(4), "Print");
        Assert.That(flags & (1 | 2 | 32 | 256), Is.Zero, "Invisible, Hidden, NoView, ToggleNoView");
        Assert.That(widget.Data.ContainsKey("Ff"), Is.False, "the annotation flags are not written as field flags");
        var pdfsig = await ExternalTool.RunAsync("pdfsig", CertificateFixture.WriteTemp(pdf));
        Assert.That(pdfsig.StdOut, Does.Contain("Signature is Valid"));
        Assert.That(CertificateReader.Read(pdf).Verdict, Is.EqualTo(CertificateVerdict.SignatureValid));
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

    // /Contents lies outside the signed bytes: a flipped padding zero or a lower-cased hex digit leaves the CMS value
    // the same, but the file is no longer the one we sealed (fuzz gate, pdf-bitflip).
    [TestCase(true)]
    [TestCase(false)]
    public void GenerateSignedPdf_ContentsPaddingOrHexCaseChanged_SignatureNotValid(bool padding)
    {
        var pdf = CertificateFixture.Signed(CertificateLanguage.English);
        var text = Encoding.Latin1.GetString(pdf);
        // The seal's /Contents: the longest hex string after a /Contents key.
        var (start, end) = System.Text.RegularExpressions.Regex.Matches(text, "/Contents\\s*<([0-9A-Fa-f]+)>")
            .Select(m => (m.Groups[1].Index, m.Groups[1].Index + m.Groups[1].Length)).MaxBy(r => r.Item2 - r.Item1);
        var at = padding ? end - 1 : text.IndexOfAny("ABCDEF".ToCharArray(), start);
        Assert.That(at, Is.InRange(start, end - 1));
        Assert.That(text[at], padding ? Is.EqualTo('0') : Is.InRange('A', 'F'));
        pdf[at] ^= padding ? (byte)0x08 : (byte)0x20; // '0' -> '8'; 'A' -> 'a'

        Assert.That(CertificateReader.Read(pdf).Verdict, Is.EqualTo(CertificateVerdict.SignatureInvalid));
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
