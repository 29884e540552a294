using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using MicroCredentials.Catalog;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Host.Tests.Infrastructure;
using MicroCredentials.Keys;
using MicroCredentials.Net;
using MicroCredentials.Pdf;
using MicroCredentials.Pdf.Signing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace MicroCredentials.Host.Tests;

/// <summary>Issue 13 point 3: with a time-stamping authority the stored certificate's seal is PAdES B-T.</summary>
public sealed partial class HostApiTests
{
    [Test]
    public async Task CertificatePdf_WithTsa_StoredSealIsTimeStamped_WhileTsaFailsServedUnstored()
    {
        var services = Factory.Services;
        var store = services.GetRequiredService<CredentialStore>();
        var time = services.GetRequiredService<TimeProvider>();
        using var tsa = new TimeStampTestServer(time.GetUtcNow().AddMinutes(-1)) { Behaviour = TimeStampTestServer.Mode.Unavailable };
        using var client = new TimeStampClient(tsa.Url, PublicHttpOptions.LoopbackForTesting);
        var certificates = new CertificateService(services.GetRequiredService<IssuerKeySet>(), services.GetRequiredService<IssuanceService>(),
            services.GetRequiredService<MicroCredentials.Host.Catalogue.CatalogueState>(), store, time, NullLogger<CertificateService>.Instance, client);
        var issued = await IssueAsync();
        var stored = (await services.GetRequiredService<IssuanceService>().FindAsync(issued.Handle, CancellationToken.None))!;

        var whileDown = await certificates.GetPdfAsync(stored, "en", CancellationToken.None);

        var read = CertificateReader.Read(whileDown);
        Assert.That(read.Verdict, Is.EqualTo(CertificateVerdict.SignatureValid), read.Detail);
        Assert.That(read.TimeStampTime, Is.Null);
        Assert.That(await store.FindCertificatePdfAsync(stored.Id, "en", CancellationToken.None), Is.Null, "not stored without its time-stamp");

        tsa.Behaviour = TimeStampTestServer.Mode.Good;
        var stamped = await certificates.GetPdfAsync(stored, "en", CancellationToken.None);

        Assert.That(CertificateReader.Read(stamped).TimeStampTime, Is.EqualTo(tsa.Time).Within(TimeSpan.FromMilliseconds(1)));
        Assert.That(await certificates.GetPdfAsync(stored, "en", CancellationToken.None), Is.EqualTo(stamped));
        Assert.That(await DownloadAsync(issued, "certificate-en.pdf"), Is.EqualTo(stamped), "the download serves the stored B-T file");
        var verified = await VerifyAsync(stamped, "application/pdf");
        Assert.That((string?)verified["verdict"], Is.EqualTo("valid"), verified.ToJsonString());
        Assert.That(tsa.Requests, Is.EqualTo(2));

        // The verification page says when the seal was made and by whose time-stamp, or that it has none.
        var stampedPage = await VerifyPageAsync(stamped, "nl");
        Assert.That(stampedPage, Does.Contain("Verzegeld op " + tsa.Time.UtcDateTime.ToString("d MMMM yyyy, HH:mm:ss", CultureInfo.GetCultureInfo("nl")) + " UTC (tijdstempel van MicroCredentials Test TSA)."));
        var unstampedPage = await VerifyPageAsync(whileDown, "en");
        Assert.That(unstampedPage, Does.Contain("Sealed without a time-stamp"));
        Assert.That(unstampedPage, Does.Not.Contain("time-stamped by"));
    }

    private async Task<string> VerifyPageAsync(byte[] pdf, string lang)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "certificate.pdf");
        using var page = await Client.PostAsync("/v?lang=" + lang, form);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
    }

    [TestCase("http://tsa.example.org/tsr")]
    [TestCase("https://127.0.0.1/tsr")]
    public async Task Start_TimeStampUrlOutsideTheFetchRules_StopsWithClearMessage(string url)
    {
        // The start-up configuration check stops the real host process before anything starts (exit code 2, the setting named).
        var data = Directory.CreateTempSubdirectory("microcred-tsa-").FullName;
        var (exit, output) = await HostProcess.RunToFailureAsync(RepositoryPaths.Root, new Dictionary<string, string> { ["MICROCRED_DATA"] = data },
            $"--Issuer:TimeStampUrl={url}");
        Directory.Delete(data, recursive: true);

        Assert.That(exit, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain("Issuer:TimeStampUrl: The time-stamping authority URL is refused"));
    }
}
