using MicroCredentials.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace MicroCredentials.Cli.Tests;

/// <summary><c>microcred verify file.pdf</c> gives a PDF's document verdict as the host does (issue 10, point 5).</summary>
[TestFixture]
public sealed class VerifyPdfTests
{
    private Workspace _ws = null!;
    private string _json = null!;

    [OneTimeSetUp]
    public async Task IssueSamples()
    {
        _ws = new Workspace();
        var run = await _ws.IssueAsync(Repo.Learners);
        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Ok), run.ToString());
        _json = _ws.CredentialJsonFiles()[0];
    }

    [OneTimeTearDown]
    public void Cleanup() => _ws.Dispose();

    [Test]
    public async Task Verify_SealedPdfWithBytesAppended_ExitsOneDocumentNotOriginal()
    {
        var pdf = await File.ReadAllBytesAsync(Path.ChangeExtension(_json, ".pdf"));
        var path = Path.Combine(_ws.Root, "appended.pdf");
        await File.WriteAllBytesAsync(path, [.. pdf, .. "\n% edited\n"u8.ToArray()]);

        var run = await _ws.VerifyAsync(path);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Failed), run.ToString());
        Assert.That(run.Output, Does.Contain("FAIL PdfSignature").And.Contain("verdict: DocumentNotOriginal"));
    }

    [TestCase(false, "verdict: DocumentNotOriginal", TestName = "Verify_UnsealedPdfOfGenuineCredential_ExitsOneDocumentNotOriginal")]
    [TestCase(true, "verdict: NotGenuine", TestName = "Verify_UnsealedPdfPrintingAFakeMark_ExitsOneNotGenuine")]
    public async Task Verify_UnsealedPdf(bool addFakeMark, string verdict)
    {
        var json = await File.ReadAllTextAsync(_json);
        var pdf = CertificateRendering.Render(json, null, "en", new Uri("https://credentials.example/v/abc123"), "abc123", "K7QD-M4XP",
            signatory: null, seal: null, signingTime: DateTimeOffset.UnixEpoch);
        if (addFakeMark)
        {
            using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify);
            using (var gfx = XGraphics.FromPdfPage(document.Pages[0], XGraphicsPdfPageOptions.Append))
            {
                gfx.DrawString("Final mark 20/20 – summa cum laude", new XFont("Noto Serif", 14), XBrushes.Black, 300, 420);
            }
            using var output = new MemoryStream();
            document.Save(output, closeStream: false);
            pdf = output.ToArray();
        }
        var path = Path.Combine(_ws.Root, addFakeMark ? "forged.pdf" : "unsealed.pdf");
        await File.WriteAllBytesAsync(path, pdf);

        var run = await _ws.VerifyAsync(path);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Failed), run.ToString());
        Assert.That(run.Output, Does.Contain("FAIL PdfSignature").And.Contain(verdict));
        Assert.That(run.Output, Does.Contain("pass Proof"), "the credential inside is genuine");
    }
}
