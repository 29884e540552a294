using System.Net;
using System.Net.Http.Headers;
using MicroCredentials.Host.Components.Pages.Verify;
using SkiaSharp;

namespace MicroCredentials.Host.Tests.Pages;

/// <summary>Every bound of <c>HostLimits.Pages.cs</c> (STYLE 17), at the bound and one past it.</summary>
public sealed class PageLimitsTests : PageHostFixture
{
    [Test]
    public async Task AcceptLanguages_OfferedLanguageAtTheBound_IsChosen_OnePast_IsNot()
    {
        Assert.That(HostLimits.AcceptLanguagesTried, Is.EqualTo(3));
        Assert.That(await Host.PageAsync("/v", "de,es,fr"), Does.Contain("<html lang=\"fr\""));
        Assert.That(await Host.PageAsync("/v", "de,es,it,fr"), Does.Contain("<html lang=\"en\""), "the fourth entry is not read");
    }

    [Test]
    public async Task TypedCode_AtTheBound_KeptWhole_OnePast_Cut()
    {
        var atBound = new string('A', HostLimits.TypedCodeLength);
        var onePast = atBound + "B";

        Assert.That(await Host.PageAsync("/v?code=" + atBound), Does.Contain($"value=\"{atBound}\""));
        var cut = await Host.PageAsync("/v?code=" + onePast);
        Assert.That(cut, Does.Contain($"value=\"{atBound}\"").And.Not.Contain(onePast));
    }

    [Test]
    public void QrImagePixels_AtTheBound_Decoded_OnePast_Not()
    {
        Assert.That(QrImageReader.WithinPixelBound(HostLimits.QrImagePixels, 1), Is.True);
        Assert.That(QrImageReader.WithinPixelBound(HostLimits.QrImagePixels + 1, 1), Is.False);
        Assert.That(QrImageReader.Read(TestImages.JpegClaiming(8000, 6001)).Outcome, Is.EqualTo(QrImageOutcome.TooManyPixels));
    }

    [Test, NonParallelizable]
    public async Task QrImageDecodes_OnePastTheBound_WaitsForASlot()
    {
        var url = "http://localhost/v/decodes-at-once";
        var image = TestImages.Screenshot(url, SKEncodedImageFormat.Jpeg, 600, 600);
        var held = 0;
        try
        {
            for (; held < HostLimits.QrImageDecodesAtOnce; held++)
            {
                Assert.That(QrImageReader.DecoderSlots.Wait(TimeSpan.FromSeconds(60)), Is.True, "a slot is free");
            }

            // Every slot is taken: the next decode waits, and a client that leaves stops waiting.
            var waiting = QrImageReader.ReadAsync(image, CancellationToken.None).AsTask();
            using var leaves = new CancellationTokenSource();
            var leaving = QrImageReader.ReadAsync(image, leaves.Token).AsTask();
            Assert.That(waiting.IsCompleted, Is.False);
            await leaves.CancelAsync();
            Assert.That(async () => await leaving, Throws.InstanceOf<OperationCanceledException>());

            QrImageReader.DecoderSlots.Release();
            held--;
            Assert.That((await waiting).Text, Is.EqualTo(url));
        }
        finally
        {
            for (; held > 0; held--)
            {
                QrImageReader.DecoderSlots.Release();
            }
        }
    }

    [TestCase(SKEncodedImageFormat.Jpeg, 3000, 4000, TestName = "QrImageSide_LargeJpeg_DecodedScaledAndQrCodeRead")]
    [TestCase(SKEncodedImageFormat.Png, 3000, 4000, TestName = "QrImageSide_LargePng_ScaledDownAndQrCodeRead")]
    public async Task QrImageSide_LargePhoto_QrCodeRead(SKEncodedImageFormat format, int width, int height)
    {
        var issued = await Host.IssueAsync("Jana Wouters");
        var image = TestImages.Screenshot(issued.VerificationUrl, format, width, height, qrScale: 16);

        Assert.That((await QrImageReader.ReadAsync(image, CancellationToken.None)).Text, Is.EqualTo(issued.VerificationUrl));
    }

    [TestCase(0, TestName = "QrImageSide_AtTheBound_QrCodeRead")]
    [TestCase(1, TestName = "QrImageSide_OnePast_ScaledDownAndQrCodeStillRead")]
    public async Task QrImageSide_QrCodeRead(int past)
    {
        var issued = await Host.IssueAsync("Jana Wouters");
        var image = TestImages.Screenshot(issued.VerificationUrl, SKEncodedImageFormat.Png, 900, HostLimits.QrImageSide + past);

        Assert.That(QrImageReader.TryRead(image), Is.EqualTo(issued.VerificationUrl));
    }

    [TestCase(HostLimits.PdfPagesSearched, true, TestName = "PdfPages_CodeOnTheLastPageSearched_LeadsToItsPage")]
    [TestCase(HostLimits.PdfPagesSearched + 1, false, TestName = "PdfPages_CodeOnePageFurther_IsNotSearched")]
    public async Task PdfPages_PrintedCode(int page, bool found)
    {
        var issued = await Host.IssueAsync("Tuur Janssens");
        var pages = Enumerable.Range(1, page).Select(p => new TestPdf.Page(p == page ? ["Verification code", issued.ShortCode] : ["Page " + p], [])).ToList();

        await AssertLeadsAsync(TestPdf.Build(pages), found ? issued.Handle : null);
    }

    [TestCase(HostLimits.PdfCodesTried - 1, true, TestName = "PdfCodes_OurCodeAsTheLastOneTried_LeadsToItsPage")]
    [TestCase(HostLimits.PdfCodesTried, false, TestName = "PdfCodes_OurCodeOnePastTheCodesTried_IsNotLookedUp")]
    public async Task PdfCodes_OtherCodesBefore(int others, bool found)
    {
        var issued = await Host.IssueAsync("Tuur Janssens");
        var lines = Enumerable.Range(1, others).Select(i => $"Code 0000-0000-{i:D4} /").Append("Code " + issued.ShortCode).ToList();

        await AssertLeadsAsync(TestPdf.Build([new TestPdf.Page(lines, [])]), found ? issued.Handle : null);
    }

    [TestCase(HostLimits.PdfImagesSearched - 1, true, TestName = "PdfImages_QrCodeAsTheLastImageSearched_LeadsToItsPage")]
    [TestCase(HostLimits.PdfImagesSearched, false, TestName = "PdfImages_QrCodeOneImageFurther_IsNotDecoded")]
    public async Task PdfImages_QrCodeAfterOtherImages(int others, bool found)
    {
        var issued = await Host.IssueAsync("Tuur Janssens");
        var blank = TestImages.Screenshot("https://example.org/", SKEncodedImageFormat.Jpeg, 32, 32);
        var qr = TestImages.Screenshot(issued.VerificationUrl, SKEncodedImageFormat.Jpeg, 600, 600);
        var images = Enumerable.Repeat(blank, others).Append(qr).ToList();

        await AssertLeadsAsync(TestPdf.Build([new TestPdf.Page(["A scanned certificate"], images)]), found ? issued.Handle : null);
    }

    // Uploads the PDF on the page: it leads to the handle's page (found by print or QR code), or is unreadable with advice.
    private async Task AssertLeadsAsync(byte[] pdf, string? handle)
    {
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var form = new MultipartFormDataContent { { file, "file", "scan.pdf" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v?lang=en") { Content = form };
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await Host.Client.SendAsync(request);

        if (handle is null)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("data-verdict=\"Unreadable\""));
        }
        else
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
            Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo($"/v/{handle}?lang=en&via=printed"));
        }
    }
}
