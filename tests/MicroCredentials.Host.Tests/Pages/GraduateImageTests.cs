using System.Net;
using System.Text.Json.Nodes;
using MicroCredentials.Baking;
using MicroCredentials.Host.Components.Images;
using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace MicroCredentials.Host.Tests.Pages;

/// <summary>
/// The images of the graduate's page: the certificate preview (page 1 as a picture a phone shows, scannable like the
/// certificate) and the badge naming the micro-credential and the institution, with the credential baked in.
/// </summary>
public sealed class GraduateImageTests : PageHostFixture
{
    [TestCase("en", TestName = "DownloadPage_English_ShowsPreviewImageWithTextAlternativeLinkingToPdf")]
    [TestCase("fr", TestName = "DownloadPage_French_ShowsPreviewImageWithTextAlternativeLinkingToPdf")]
    public async Task DownloadPage_ShowsPreview(string lang)
    {
        var issued = await Host.IssueAsync("Amber De Smet");
        var html = await Host.PageAsync(issued.DownloadPath + "?lang=" + lang);

        Assert.That(html, Does.Contain($"<a href=\"{issued.DownloadPath}/certificate-{lang}.pdf\">"));
        Assert.That(html, Does.Contain($"src=\"{issued.DownloadPath}/preview-{lang}.png\" width=\"1200\" height=\"848\""));
        Assert.That(html, Does.Match("alt=\"[^\"]*Data Science for Healthcare[^\"]*Amber De Smet[^\"]*Nova Academy[^\"]*\""));
        Assert.That(html, Does.Contain($"download=\"data-science-for-healthcare-amber-de-smet-fr.pdf\""));
    }

    [Test]
    public async Task Preview_IsPage1PictureWhoseQrCodeLeadsToTheVerificationPage()
    {
        var issued = await Host.IssueAsync("Bram Vermeulen");
        using var response = await Host.Client.GetAsync(issued.DownloadPath + "/preview-nl.png");
        var png = await response.Content.ReadAsByteArrayAsync();
        using var bitmap = SKBitmap.Decode(png);

        Keep(png, "certificate-preview-nl.png");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, "a personal document: no shared cache keeps it");
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((CertificatePreview.Width, CertificatePreview.Height)));
        Assert.That(QrText(bitmap), Is.EqualTo(issued.VerificationUrl));
        Assert.That(await Host.Client.GetByteArrayAsync(issued.DownloadPath + "/preview-nl.png"), Is.EqualTo(png), "drawn once, then served from the cache");
    }

    [Test]
    public async Task Preview_UnknownLanguage_Is404()
    {
        var issued = await Host.IssueAsync("Bram Vermeulen");
        using var response = await Host.Client.GetAsync(issued.DownloadPath + "/preview-de.png");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public void Preview_LearnerNameIsDrawn_PixelsDifferByName()
    {
        CertificatePreview.Facts Facts(string learner) => new("Nova Academy", learner, "Data Science", "6", "7", new DateOnly(2026, 2, 6), "https://x.example/v/a", "ABCD-EFGH-JKMN", false);
        using var a = SKBitmap.Decode(CertificatePreview.Png(Facts("An"), System.Globalization.CultureInfo.GetCultureInfo("nl")));
        using var b = SKBitmap.Decode(CertificatePreview.Png(Facts("Wolfgang Amadeus Mozart"), System.Globalization.CultureInfo.GetCultureInfo("nl")));

        Assert.That(NavyPixels(a, new SKRectI(100, 150, 1100, 400)), Is.LessThan(NavyPixels(b, new SKRectI(100, 150, 1100, 400))));
    }

    [Test]
    public async Task Badge_NamesMicroCredentialAndInstitution_AndCarriesTheCredential()
    {
        var issued = await Host.IssueAsync("Hanne Jacobs");
        var png = await Host.Client.GetByteArrayAsync(issued.DownloadPath + "/badge.png");
        using var bitmap = SKBitmap.Decode(png);
        var baked = PngBaker.Extract(png);
        Keep(png, "badge.png");

        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((BadgeImage.Size, BadgeImage.Size)));
        Assert.That(baked.Credential, Is.Not.Null, baked.Status.ToString());
        Assert.That((string?)JsonNode.Parse(baked.Credential!)!["id"], Is.EqualTo(issued.Id));
        // The text band under the seal holds the title (navy) and the institution (gold): the generic seal had none.
        Assert.That(NavyPixels(bitmap, new SKRectI(30, 300, 482, 420)), Is.GreaterThan(500));
    }

    [Test]
    public void Badge_TextDiffersByMicroCredentialAndInstitution()
    {
        using var a = SKBitmap.Decode(BadgeImage.Png("Data Science for Healthcare", "Nova Academy", demo: false));
        using var b = SKBitmap.Decode(BadgeImage.Png("Circular Construction", "Nova Academy", demo: false));
        using var c = SKBitmap.Decode(BadgeImage.Png("Data Science for Healthcare", "Other School", demo: false));

        Assert.That(a.Bytes, Is.Not.EqualTo(b.Bytes));
        Assert.That(a.Bytes, Is.Not.EqualTo(c.Bytes));
        Assert.That(a.Bytes.AsSpan(0, 280 * BadgeImage.Size * 4).SequenceEqual(c.Bytes.AsSpan(0, 280 * BadgeImage.Size * 4)), Is.True, "the seal is the same");
    }

    [Test]
    public void ImageCache_OnePastItsBound_StaysWithinAndKeepsTheNewest()
    {
        var cache = new ImageCache(HostLimits.ImagesCached);
        for (var i = 0; i <= HostLimits.ImagesCached; i++)
        {
            cache.GetOrDraw("k" + i, () => [1]);
        }

        Assert.That(cache.Count, Is.LessThanOrEqualTo(HostLimits.ImagesCached));
        Assert.That(cache.Contains("k" + HostLimits.ImagesCached), Is.True);
        Assert.That(cache.Contains("k0"), Is.False);
    }

    [Test]
    public void ImageCache_AtItsBound_KeepsEveryImage()
    {
        var cache = new ImageCache(HostLimits.ImagesCached);
        for (var i = 0; i < HostLimits.ImagesCached; i++)
        {
            cache.GetOrDraw("k" + i, () => [1]);
        }

        Assert.That(cache.Count, Is.EqualTo(HostLimits.ImagesCached));
    }

    // The image as a test artefact beside the pages' screenshots.
    private static void Keep(byte[] png, string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "page-screenshots")).FullName;
        var file = Path.Combine(folder, name);
        File.WriteAllBytes(file, png);
        TestContext.AddTestAttachment(file, name);
    }

    private static string? QrText(SKBitmap bitmap)
    {
        using var rgba = bitmap.Copy(SKColorType.Rgba8888);
        var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { TryHarder = true, PossibleFormats = [BarcodeFormat.QR_CODE] } };
        return reader.Decode(new RGBLuminanceSource(rgba.Bytes, rgba.Width, rgba.Height, RGBLuminanceSource.BitmapFormat.RGBA32))?.Text;
    }

    // Pixels close to the certificate's navy (text) in a region.
    private static int NavyPixels(SKBitmap bitmap, SKRectI region)
    {
        var count = 0;
        for (var y = region.Top; y < region.Bottom; y++)
        {
            for (var x = region.Left; x < region.Right; x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (p.Alpha > 200 && Math.Abs(p.Red - 0x1B) < 40 && Math.Abs(p.Green - 0x2F) < 40 && Math.Abs(p.Blue - 0x4E) < 40)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
