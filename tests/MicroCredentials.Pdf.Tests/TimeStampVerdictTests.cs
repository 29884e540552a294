using MicroCredentials.Tests.Shared;
using MicroCredentials.Verification;

namespace MicroCredentials.Pdf.Tests;

/// <summary>The verification report of an uploaded time-stamped certificate says when it was sealed and by which TSA.</summary>
[NonParallelizable]
public sealed class TimeStampVerdictTests
{
    private GenuineCertificates _genuine = null!;
    private TimeStampTestServer _tsa = null!;

    [OneTimeSetUp]
    public void SetUp()
    {
        _genuine = new GenuineCertificates();
        _tsa = new TimeStampTestServer(TimeStampedSeal.TsaTime);
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        _tsa.Dispose();
        _genuine.Dispose();
    }

    [Test]
    public async Task Verify_TimeStampedOriginal_ReportsSealTimeAndAuthority()
    {
        using var client = TimeStampedSeal.Client(_tsa.Url);
        var sealedPdf = await new CertificateDocument(_genuine.Model(_genuine.Json, _genuine.Jwt))
            .GenerateSignedPdfAsync(_genuine.Seal, CertificateFixture.SigningTime, client, CancellationToken.None);

        var report = await _genuine.VerifyAsync(sealedPdf.Pdf!);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Valid));
        Assert.That(report.SealTimeStamp, Is.EqualTo(TimeStampedSeal.TsaTime));
        Assert.That(report.SealTimeStampAuthority, Is.EqualTo("MicroCredentials Test TSA"));
        var seal = report.Checks.Single(c => c.Id == CheckId.PdfSignature);
        Assert.That(seal.Outcome, Is.EqualTo(CheckOutcome.Pass));
        Assert.That(seal.Detail, Does.EndWith("Sealed at 2026-06-30 11:00:00Z (time-stamped by MicroCredentials Test TSA)."));
    }

    [Test]
    public async Task Verify_OriginalWithoutTimeStamp_ReportsNone()
    {
        var report = await _genuine.VerifyAsync(_genuine.Original());

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Valid));
        Assert.That(report.SealTimeStamp, Is.Null);
        Assert.That(report.SealTimeStampAuthority, Is.Null);
    }
}
