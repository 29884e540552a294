using System.Net;

namespace MicroCredentials.Host.Tests;

/// <summary>Issue 13 point 3: the certificate is rendered and sealed once per language, stored, and served as stored.</summary>
public sealed partial class HostApiTests
{
    [Test]
    public async Task CertificatePdf_TwoDownloads_SameBytes_AlsoAfterRevocation()
    {
        var issued = await IssueAsync();
        var first = await DownloadAsync(issued, "certificate-nl.pdf");
        // Past the next second: a second rendering would carry another seal time (and another file id).
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var second = await DownloadAsync(issued, "certificate-nl.pdf");
        Assert.That(second, Is.EqualTo(first));

        await ChangeStatusAsync(issued, "revoke", "grade corrected");
        var afterRevoke = await DownloadAsync(issued, "certificate-nl.pdf");

        Assert.That(afterRevoke, Is.EqualTo(first));
        // The file is unchanged; the status list says what changed.
        Assert.That((string?)(await VerifyAsync(afterRevoke, "application/pdf"))["verdict"], Is.EqualTo("revoked"));
    }

    [Test]
    public async Task CertificatePdf_LanguageNotYetRendered_RenderedOnceOnRequest()
    {
        var issued = await IssueAsync();
        var dutch = await DownloadAsync(issued, "certificate-nl.pdf");

        var french = await DownloadAsync(issued, "certificate-fr.pdf");

        Assert.That(french, Is.Not.EqualTo(dutch));
        Assert.That(await DownloadAsync(issued, "certificate-fr.pdf"), Is.EqualTo(french));
        var json = await VerifyAsync(french, "application/pdf");
        Assert.That((string?)json["verdict"], Is.EqualTo("valid"), json.ToJsonString());
    }

    [TestCase("en", "Academic Director, Nova Academy", "academisch directeur")]
    [TestCase("fr", "directrice académique de Nova Academy", "academisch directeur")]
    [TestCase("nl", "academisch directeur Nova Academy", "Academic Director")]
    public async Task CertificatePdf_SignatoryFunctionInTheCertificatesLanguage(string lang, string expected, string foreign)
    {
        var issued = await IssueAsync();
        var pdf = await DownloadAsync(issued, $"certificate-{lang}.pdf");

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Join(' ', document.GetPage(1).GetWords().Select(w => w.Text));
        Assert.That(text, Does.Contain(expected).And.Not.Contain(foreign));
    }

    [Test]
    public async Task CertificatePdf_UnknownLanguage_404()
    {
        var issued = await IssueAsync();
        using var response = await Client.GetAsync($"{issued.DownloadPath}/certificate-de.pdf");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
