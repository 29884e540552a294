using System.Text;
using MicroCredentials.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace MicroCredentials.Host.Tests;

public sealed partial class HostApiTests
{
    /// <summary>
    /// A graduate's genuine credential in a PDF that is not the issuer's sealed certificate: POST /api/verify never
    /// answers "verified", and says why in the PDF checks (issue 10, point 5).
    /// </summary>
    [TestCase(false, "document_not_original", "pass", TestName = "VerifyApi_UnsealedCopyOfOurCertificate_IsDocumentNotOriginal")]
    [TestCase(true, "not_genuine", "fail", TestName = "VerifyApi_UnsealedCopyPrintingAFakeMark_IsNotGenuine")]
    public async Task VerifyApi_GenuineCredentialInForgedPdf_IsNotVerified(bool addFakeMark, string verdict, string printedText)
    {
        var issued = await IssueAsync();
        var json = Encoding.UTF8.GetString(await DownloadAsync(issued, "credential.json"));
        var jwt = Encoding.UTF8.GetString(await DownloadAsync(issued, "credential.jwt"));
        // Our own layout, rendered from the genuine credential, but without the seal.
        var pdf = CertificateRendering.Render(json, jwt, "en", new Uri(issued.VerificationUrl), issued.Handle, issued.ShortCode,
            signatory: null, seal: null, signingTime: DateTimeOffset.UnixEpoch);
        if (addFakeMark)
        {
            pdf = WithText(pdf, "Final mark 20/20 – summa cum laude");
        }

        var answer = await VerifyAsync(pdf, "application/pdf");

        Assert.That((string?)answer["verdict"], Is.EqualTo(verdict), answer.ToJsonString());
        Assert.That((bool?)answer["verified"], Is.False);
        var checks = answer["checks"]!.AsArray();
        var seal = checks.Single(c => (string?)c!["id"] == "pdf_signature")!;
        Assert.That((string?)seal["status"], Is.EqualTo("fail"));
        Assert.That((string?)seal["detail"], Does.Contain("not the certificate the institution issued"));
        Assert.That((string?)checks.Single(c => (string?)c!["id"] == "printed_text")!["status"], Is.EqualTo(printedText));
        Assert.That((string?)checks.Single(c => (string?)c!["id"] == "proof")!["status"], Is.EqualTo("pass"), "the credential inside is genuine");
    }

    private static byte[] WithText(byte[] pdf, string text)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify);
        using (var gfx = XGraphics.FromPdfPage(document.Pages[0], XGraphicsPdfPageOptions.Append))
        {
            // The host registered the certificate fonts when it rendered the PDF in this process.
            gfx.DrawString(text, new XFont("Noto Serif", 14), XBrushes.Black, 300, 420);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }
}
