using System.Net;
using System.Net.Http.Headers;
using QRCoder;
using SkiaSharp;

namespace MicroCredentials.Host.Tests.Pages;

/// <summary>A photo or screenshot of a certificate uploaded on the page: its QR code leads to that certificate's page.</summary>
public sealed class PhotoUploadTests : PageHostFixture
{
    [TestCase(SKEncodedImageFormat.Jpeg, "image/jpeg", TestName = "Upload_JpegPhotoWithOurQrCode_LeadsToItsPageWithNote")]
    [TestCase(SKEncodedImageFormat.Png, "image/png", TestName = "Upload_PngScreenshotWithOurQrCode_LeadsToItsPageWithNote")]
    public async Task Upload_ImageWithOurQrCode_LeadsToItsPage(SKEncodedImageFormat format, string mediaType)
    {
        var issued = await Host.IssueAsync("Lotte Jacobs");
        var image = Screenshot(issued.VerificationUrl, format);

        using var response = await UploadAsync(image, mediaType);
        var location = response.Headers.Location?.OriginalString;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(location, Is.EqualTo($"/v/{issued.Handle}?lang=en&via=qr"));

        var page = await Host.PageAsync(location!);
        Assert.That(page, Does.Contain("data-verdict=\"Valid\"").And.Contain("data-note=\"true\"").And.Contain("We read the QR code in your image"));
    }

    [Test]
    public async Task Upload_CertificateResavedWithoutEmbeddedCredential_LeadsToItsPageByPrintedCode()
    {
        var issued = await Host.IssueAsync("Jonas Smet");
        var resaved = WithoutAttachments(await Host.Client.GetByteArrayAsync(issued.DownloadPath + "/certificate-en.pdf"));
        using var api = new ByteArrayContent(resaved);
        api.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var apiResponse = await Host.Client.PostAsync("/api/verify", api);
        Assert.That(await apiResponse.Content.ReadAsStringAsync(), Does.Contain("\"verdict\":\"unreadable\""), "the re-saved PDF carries no credential");

        using var response = await UploadAsync(resaved, "application/pdf");
        var location = response.Headers.Location?.OriginalString;

        Assert.That(location, Is.EqualTo($"/v/{issued.Handle}?lang=en&via=printed"));
        Assert.That(await Host.PageAsync(location!), Does.Contain("data-verdict=\"Valid\"").And.Contain("code printed on it and opened its page"));
    }

    [Test]
    public async Task Upload_ImageWithAnotherSitesQrCode_IsUnreadableWithAdvice()
    {
        using var response = await UploadAsync(Screenshot("https://example.org/v/abc", SKEncodedImageFormat.Png), "image/png");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("data-verdict=\"Unreadable\"").And.Contain("we found no QR code of this institution"));
    }

    private async Task<HttpResponseMessage> UploadAsync(byte[] image, string mediaType)
    {
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var form = new MultipartFormDataContent { { file, "file", "photo" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v?lang=en") { Content = form };
        request.Headers.Accept.ParseAdd("text/html");
        return await Host.Client.SendAsync(request);
    }

    /// <summary>The PDF as a "save as" would leave it: same pages, no embedded files.</summary>
    private static byte[] WithoutAttachments(byte[] pdf)
    {
        using var input = new MemoryStream(pdf);
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(input, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Modify);
        document.Internals.Catalog.Elements.Remove("/Names");
        document.Internals.Catalog.Elements.Remove("/AF");
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>A phone-sized screenshot: a grey page with the QR code somewhere in it, as a real image codec writes it.</summary>
    private static byte[] Screenshot(string url, SKEncodedImageFormat format)
    {
        using var qrData = new QRCodeGenerator().CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(qrData).GetGraphic(8);
        using var qr = SKBitmap.Decode(png);
        using var surface = SKSurface.Create(new SKImageInfo(1170, 2532));
        surface.Canvas.Clear(new SKColor(0xF0, 0xF0, 0xEE));
        using var image = SKImage.FromBitmap(qr);
        surface.Canvas.DrawImage(image, 300, 1400, new SKSamplingOptions(SKFilterMode.Nearest));
        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(format, 85);
        return encoded.ToArray();
    }
}
