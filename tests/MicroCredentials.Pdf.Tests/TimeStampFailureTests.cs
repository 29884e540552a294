using System.Diagnostics;
using System.Net;
using MicroCredentials.Net;
using MicroCredentials.Pdf.Signing;
using MicroCredentials.Tests.Shared;
using Mode = MicroCredentials.Tests.Shared.TimeStampTestServer.Mode;

namespace MicroCredentials.Pdf.Tests;

/// <summary>
/// A TSA that is down, slow, refuses or answers nonsense gives a clear result, quickly, and no PDF: a certificate that
/// should carry a time-stamp is never produced without one (see docs/pdf.md, "Seal and time stamp").
/// </summary>
public sealed class TimeStampFailureTests
{
    private TimeStampTestServer _tsa = null!;

    [OneTimeSetUp]
    public void StartTsa() => _tsa = new TimeStampTestServer(TimeStampedSeal.TsaTime);

    [OneTimeTearDown]
    public void StopTsa() => _tsa.Dispose();

    [SetUp]
    public void Reset()
    {
        _tsa.Behaviour = Mode.Good;
        _tsa.GarbageLength = 30;
    }

    [TestCase(Mode.Rejection, TimeStampFailure.Rejected, "refused the request")]
    [TestCase(Mode.Garbage, TimeStampFailure.Malformed, "did not answer with a time-stamp response")]
    [TestCase(Mode.GrantedNoToken, TimeStampFailure.Malformed, "did not answer with a time-stamp response")]
    [TestCase(Mode.Unavailable, TimeStampFailure.HttpStatus, "answered HTTP 503")]
    [TestCase(Mode.WrongImprint, TimeStampFailure.InvalidToken, "token that does not verify for this request")]
    [TestCase(Mode.BadSignature, TimeStampFailure.InvalidToken, "token that does not verify for this request")]
    public async Task SignAsync_TsaMisbehaves_NoPdfAndClearReason(Mode mode, TimeStampFailure failure, string detail)
    {
        _tsa.Behaviour = mode;

        var result = await TimeStampedSeal.SealAsync(_tsa);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Pdf, Is.Null);
        Assert.That(result.TimeStamp!.Failure, Is.EqualTo(failure), result.Detail);
        Assert.That(result.Detail, Does.StartWith("The time-stamping authority 127.0.0.1 ").And.Contain(detail));
    }

    [Test]
    public async Task SignAsync_TsaDown_Unreachable()
    {
        var result = await TimeStampedSeal.SealAsync(TimeStampTestServer.DownUrl());

        Assert.That(result.Pdf, Is.Null);
        Assert.That(result.TimeStamp!.Failure, Is.EqualTo(TimeStampFailure.Unreachable));
        Assert.That(result.Detail, Is.EqualTo("The time-stamping authority 127.0.0.1 could not be reached."));
    }

    [Test]
    public async Task SignAsync_TsaAnswers50MB_StopsAtTheLimit()
    {
        _tsa.Behaviour = Mode.Huge;
        var clock = Stopwatch.StartNew();

        var result = await TimeStampedSeal.SealAsync(_tsa);

        Assert.That(result.TimeStamp!.Failure, Is.EqualTo(TimeStampFailure.TooLarge));
        Assert.That(result.Detail, Does.Contain("more than 16 KiB"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(PdfLimits.TimeStampTimeoutSeconds)), "read only up to the cap");
    }

    [TestCase(PdfLimits.MaxTimeStampResponseBytes, TimeStampFailure.Malformed)]
    [TestCase(PdfLimits.MaxTimeStampResponseBytes + 1, TimeStampFailure.TooLarge)]
    public async Task SignAsync_AnswerAtAndOnePastTheLimit(int length, TimeStampFailure failure)
    {
        _tsa.Behaviour = Mode.Garbage;
        _tsa.GarbageLength = length;

        var result = await TimeStampedSeal.SealAsync(_tsa);

        Assert.That(result.TimeStamp!.Failure, Is.EqualTo(failure));
    }

    [Test]
    public async Task SignAsync_TsaNeverAnswers_TimesOut()
    {
        _tsa.Behaviour = Mode.Silent;
        var clock = Stopwatch.StartNew();

        var result = await TimeStampedSeal.SealAsync(_tsa, timeout: TimeSpan.FromSeconds(2));

        Assert.That(result.TimeStamp!.Failure, Is.EqualTo(TimeStampFailure.Timeout));
        Assert.That(result.Detail, Is.EqualTo("The time-stamping authority 127.0.0.1 did not answer within 2 seconds."));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)));
    }

    [Test]
    public async Task SignAsync_TsaNeverAnswers_DefaultTimeoutIsTheLimit()
    {
        _tsa.Behaviour = Mode.Silent;
        var clock = Stopwatch.StartNew();

        var result = await TimeStampedSeal.SealAsync(_tsa);

        Assert.That(result.TimeStamp!.Failure, Is.EqualTo(TimeStampFailure.Timeout));
        Assert.That(result.Detail, Does.Contain($"within {PdfLimits.TimeStampTimeoutSeconds} seconds"));
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(PdfLimits.TimeStampTimeoutSeconds - 1)));
    }

    [Test]
    public async Task RequestAsync_CallerCancels_Throws()
    {
        _tsa.Behaviour = Mode.Silent;
        using var client = TimeStampedSeal.Client(_tsa.Url);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        Assert.That(async () => await client.RequestAsync(new byte[256], cancel.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task RequestAsync_NameResolvingToLoopback_RefusedAtConnect()
    {
        // Production rules: https on 443 to public addresses; the name resolves to loopback (DNS rebinding).
        var rules = new PublicHttpOptions { Resolve = (_, _) => Task.FromResult(new[] { IPAddress.Loopback }) };
        using var client = new TimeStampClient("https://tsa.example.org/tsr", rules);

        var result = await client.RequestAsync(new byte[256], CancellationToken.None);

        Assert.That(result.Failure, Is.EqualTo(TimeStampFailure.AddressRefused));
        Assert.That(result.Detail, Is.EqualTo("The time-stamping authority tsa.example.org is not at a public address."));
    }

    [TestCase("http://tsa.example.org/tsr")]
    [TestCase("https://127.0.0.1/tsr")]
    [TestCase("https://10.0.0.8/tsr")]
    [TestCase("https://localhost/tsr")]
    [TestCase("https://tsa.example.org:8080/tsr")]
    public void Constructor_UrlOutsideTheFetchRules_Throws(string url) =>
        Assert.That(() => new TimeStampClient(url), Throws.ArgumentException.With.Message.Contains("time-stamping authority URL is refused"));

    [Test]
    public void Constructor_UrlOnePastTheLengthLimit_Throws()
    {
        var url = "https://tsa.example.org/" + new string('a', PdfLimits.MaxTimeStampUrlLength - "https://tsa.example.org/".Length + 1);

        Assert.That(() => new TimeStampClient(url), Throws.ArgumentException);
        using var atLimit = new TimeStampClient(url[..^1]);
        Assert.That(atLimit.Url.AbsoluteUri, Has.Length.EqualTo(PdfLimits.MaxTimeStampUrlLength));
    }

    [Test]
    public async Task SignAsync_TsaRecovers_NextSealIsTimeStamped()
    {
        _tsa.Behaviour = Mode.Unavailable;
        Assert.That((await TimeStampedSeal.SealAsync(_tsa)).Succeeded, Is.False);

        _tsa.Behaviour = Mode.Good;
        var result = await TimeStampedSeal.SealAsync(_tsa);

        Assert.That(result.Succeeded, Is.True);
        Assert.That(CertificateReader.Read(result.Pdf!).TimeStampTime, Is.EqualTo(TimeStampedSeal.TsaTime));
    }
}
