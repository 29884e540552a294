using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SkiaSharp;

namespace MicroCredentials.Host.Tests.Pages;

/// <summary>
/// <c>POST /api/verify</c> and the <c>/v</c> upload form with JPEG photos: a photo's QR code leads to that certificate's
/// verification; an image over the pixel bound and a JPEG that does not decode are 4xx, never a 5xx.
/// </summary>
public sealed class PhotoApiTests : PageHostFixture
{
    [TestCase(SKEncodedImageFormat.Jpeg, "image/jpeg", false, TestName = "Api_JpegPhotoBodyWithOurQrCode_IsThatCertificatesVerification")]
    [TestCase(SKEncodedImageFormat.Jpeg, "image/jpeg", true, TestName = "Api_JpegPhotoInMultipartWithOurQrCode_IsThatCertificatesVerification")]
    [TestCase(SKEncodedImageFormat.Png, "image/png", false, TestName = "Api_PngScreenshotWithOurQrCode_IsThatCertificatesVerification")]
    public async Task Api_PhotoWithOurQrCode_IsThatCertificatesVerification(SKEncodedImageFormat format, string mediaType, bool multipart)
    {
        var issued = await Host.IssueAsync("Noor Willems");
        using var response = await PostAsync(TestImages.Screenshot(issued.VerificationUrl, format), mediaType, multipart);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToJsonString());
        Assert.That((string?)json["verdict"], Is.EqualTo("valid"));
        Assert.That((string?)json["read_from"], Is.EqualTo("qr_code"));
        Assert.That((string?)json["verification_url"], Is.EqualTo(issued.VerificationUrl));
        Assert.That(json["credential"]?.ToJsonString(), Does.Contain(issued.Id));
    }

    [Test]
    public async Task Api_JpegWithAnotherSitesQrCode_IsUnreadableVerdict()
    {
        using var response = await PostAsync(TestImages.Screenshot("https://example.org/v/abc", SKEncodedImageFormat.Jpeg), "image/jpeg", multipart: false);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)json["verdict"], Is.EqualTo("unreadable"));
        Assert.That(json["read_from"], Is.Null);
    }

    [TestCase(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01 }, TestName = "Api_TruncatedJpeg_Is400")]
    [TestCase(new byte[] { 0x47, 0x41, 0x52, 0x42, 0x41, 0x47, 0x45 }, TestName = "Api_GarbageDeclaredJpeg_Is400")]
    public async Task Api_JpegGarbage_Is400(byte[] garbage)
    {
        using var response = await PostAsync(garbage, "image/jpeg", multipart: false);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Unreadable image"));
    }

    [Test]
    public async Task Api_JpegOnePastThePixelBound_Is413WithoutDecoding()
    {
        // 8000 × 6001 is the first JPEG size (a whole row) past HostLimits.QrImagePixels = 8000 × 6000.
        Assert.That(8000L * 6000, Is.EqualTo(HostLimits.QrImagePixels));
        using var response = await PostAsync(TestImages.JpegClaiming(8000, 6001), "image/jpeg", multipart: false);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Image too large").And.Contain("48 megapixels"));
    }

    [TestCase("en", "We could not read this image", TestName = "UploadForm_GarbageJpeg_Is400PageInEnglish")]
    [TestCase("fr", "Nous n&#x27;avons pas pu lire cette image", TestName = "UploadForm_GarbageJpeg_Is400PageInFrench")]
    public async Task UploadForm_GarbageJpeg_Is400PageInLanguage(string lang, string message)
    {
        using var response = await FormAsync([0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x43, 0x00], lang);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(html, Does.Contain($"<html lang=\"{lang}\"").And.Contain(message).And.Contain("type=\"file\""));
    }

    [Test]
    public async Task UploadForm_JpegOnePastThePixelBound_Is413PageWithForm()
    {
        using var response = await FormAsync(TestImages.JpegClaiming(8000, 6001), "nl");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(html, Does.Contain("meer dan 48 megapixels").And.Contain("type=\"file\""));
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] bytes, string mediaType, bool multipart)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        HttpContent content = multipart ? new MultipartFormDataContent { { file, "file", "photo.jpg" } } : file;
        using (content)
        {
            return await Host.Client.PostAsync("/api/verify", content);
        }
    }

    private async Task<HttpResponseMessage> FormAsync(byte[] bytes, string lang)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        using var form = new MultipartFormDataContent { { file, "file", "photo.jpg" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v?lang=" + lang) { Content = form };
        request.Headers.Accept.ParseAdd("text/html");
        return await Host.Client.SendAsync(request);
    }
}
