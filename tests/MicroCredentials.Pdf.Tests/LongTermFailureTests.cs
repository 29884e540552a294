using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MicroCredentials.Pdf.Signing;
using MicroCredentials.Tests.Shared;

namespace MicroCredentials.Pdf.Tests;

/// <summary>
/// A CRL or OCSP service that fails never fails sealing: the certificate stays PAdES B-T (nothing appended) and the
/// result says why. The fetch bounds (<see cref="PdfLimits.MaxRevocationResponseBytes"/>,
/// <see cref="PdfLimits.MaxSealChainCertificates"/>, <see cref="PdfLimits.MaxRevocationFetches"/>) at the bound and one past it.
/// </summary>
public sealed class LongTermFailureTests
{
    private TimeStampTestServer _tsa = null!;
    private RevocationTestServer _pki = null!;
    private X509Certificate2 _seal = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _tsa = new TimeStampTestServer(TimeStampedSeal.TsaTime);
        _pki = new RevocationTestServer(TimeStampedSeal.TsaTime.AddMinutes(5));
        _seal = _pki.IssueSeal();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _seal.Dispose();
        _pki.Dispose();
        _tsa.Dispose();
    }

    [SetUp]
    public void Reset()
    {
        _pki.OcspBehaviour = RevocationTestServer.Mode.Good;
        _pki.CrlBehaviour = RevocationTestServer.Mode.Good;
    }

    private static void AssertStaysBaselineT(SealResult result, string because)
    {
        Assert.That(result.Succeeded, Is.True, result.Detail);
        Assert.That(result.Level, Is.EqualTo(SealLevel.BaselineT), result.Detail);
        Assert.That(result.LongTerm!.Succeeded, Is.False);
        Assert.That(result.LongTerm.Detail, Does.StartWith("No long-term validation data (the seal stays PAdES B-T)"));
        Assert.That(result.Detail, Does.Contain(because));
        Assert.That(result.Pdf!.Length, Is.EqualTo(LongTermSeal.SignedLength(result.Pdf)), "nothing appended");
        var read = CertificateReader.Read(result.Pdf);
        Assert.That(read.Verdict, Is.EqualTo(CertificateVerdict.SignatureValid), read.Detail);
        Assert.That(read.SealLevel, Is.EqualTo(SealLevel.BaselineT));
    }

    [Test]
    public async Task Seal_ServicesDown_StaysBaselineT()
    {
        using var seal = _pki.IssueSeal(ocspUrls: [RevocationTestServer.DownUrl("/ocsp")], crlUrls: [RevocationTestServer.DownUrl("/crl")]);

        AssertStaysBaselineT(await LongTermSeal.SealAsync(_tsa, seal, [_pki.RootCertificate]), "could not be reached");
    }

    [Test]
    public async Task Seal_ServicesSilent_StaysBaselineTAfterTheTimeout()
    {
        _pki.OcspBehaviour = RevocationTestServer.Mode.Silent;
        _pki.CrlBehaviour = RevocationTestServer.Mode.Silent;

        AssertStaysBaselineT(await LongTermSeal.SealAsync(_tsa, _seal, [_pki.RootCertificate], TimeSpan.FromSeconds(1)),
            "did not answer within 1 seconds");
    }

    [Test]
    public async Task Seal_ServicesHuge_StaysBaselineT()
    {
        _pki.OcspBehaviour = RevocationTestServer.Mode.Huge;
        _pki.CrlBehaviour = RevocationTestServer.Mode.Huge;

        AssertStaysBaselineT(await LongTermSeal.SealAsync(_tsa, _seal, [_pki.RootCertificate]), "more than 256 KiB");
    }

    [Test]
    public async Task Seal_ServicesUnavailable_StaysBaselineT()
    {
        _pki.OcspBehaviour = RevocationTestServer.Mode.Unavailable;
        _pki.CrlBehaviour = RevocationTestServer.Mode.Unavailable;

        AssertStaysBaselineT(await LongTermSeal.SealAsync(_tsa, _seal, [_pki.RootCertificate]), "answered HTTP 503");
    }

    [Test]
    public async Task Seal_AnswersSignedByAnotherKey_StaysBaselineT()
    {
        _pki.OcspBehaviour = RevocationTestServer.Mode.ForeignSignature;
        _pki.CrlBehaviour = RevocationTestServer.Mode.ForeignSignature;

        AssertStaysBaselineT(await LongTermSeal.SealAsync(_tsa, _seal, [_pki.RootCertificate]), "the CRL from 127.0.0.1 does not verify");
    }

    [TestCase(PdfLimits.MaxRevocationResponseBytes, "does not verify")]
    [TestCase(PdfLimits.MaxRevocationResponseBytes + 1, "more than 256 KiB")]
    public async Task Seal_AnswerSize_ReadUpToTheBound(int length, string because)
    {
        _pki.OcspBehaviour = RevocationTestServer.Mode.Garbage;
        _pki.CrlBehaviour = RevocationTestServer.Mode.Garbage;
        _pki.GarbageLength = length;

        AssertStaysBaselineT(await LongTermSeal.SealAsync(_tsa, _seal, [_pki.RootCertificate]), because);
    }

    [Test]
    public async Task Seal_IssuerNotInTheChain_StaysBaselineT() =>
        AssertStaysBaselineT(await LongTermSeal.SealAsync(_tsa, _seal, []), "is not in the seal chain");

    [TestCase(PdfLimits.MaxSealChainCertificates, true)]
    [TestCase(PdfLimits.MaxSealChainCertificates + 1, false)]
    public async Task Seal_ChainLength_FollowedUpToTheBound(int certificates, bool longTerm)
    {
        // The seal, its root, and self-issued extras (nothing to fetch for them) up to the count.
        var extras = Enumerable.Range(0, certificates - 2).Select(i =>
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            return new CertificateRequest($"CN=Extra {i}", key, HashAlgorithmName.SHA256).CreateSelfSigned(TimeStampedSeal.TsaTime.AddYears(-1), TimeStampedSeal.TsaTime.AddYears(1));
        }).ToList();

        var result = await LongTermSeal.SealAsync(_tsa, _seal, [_pki.RootCertificate, .. extras]);

        if (longTerm)
        {
            Assert.That(result.Level, Is.EqualTo(SealLevel.BaselineLt), result.Detail);
        }
        else
        {
            AssertStaysBaselineT(result, $"the seal chain holds more than {PdfLimits.MaxSealChainCertificates} certificates");
        }
        extras.ForEach(e => e.Dispose());
    }

    [TestCase(PdfLimits.MaxRevocationFetches, true)]
    [TestCase(PdfLimits.MaxRevocationFetches + 1, false)]
    public async Task Seal_Fetches_TriedUpToTheBound(int urls, bool longTerm)
    {
        // urls - 1 responders that are down, then the real one.
        var ocsp = Enumerable.Range(0, urls - 1).Select(_ => RevocationTestServer.DownUrl("/ocsp")).Append(_pki.OcspUrl).ToList();
        using var seal = _pki.IssueSeal("MicroCredentials Many URLs Seal", ocspUrls: ocsp, crlUrls: []);

        var result = await LongTermSeal.SealAsync(_tsa, seal, [_pki.RootCertificate]);

        if (longTerm)
        {
            Assert.That(result.Level, Is.EqualTo(SealLevel.BaselineLt), result.Detail);
        }
        else
        {
            AssertStaysBaselineT(result, $"more than {PdfLimits.MaxRevocationFetches} CRL and OCSP fetches");
        }
    }

    [Test]
    public void RevocationClient_UrlOutsideTheFetchRules_Refused()
    {
        // The production policy (PublicHttpOptions.Revocation): public addresses only, http only on port 80; this server is http on a loopback port.
        using var seal = _pki.IssueSeal("MicroCredentials Production Rules Seal");
        using var client = new RevocationClient();

        var (der, failure) = client.GetCrlAsync(_pki.CrlUrl, CancellationToken.None).GetAwaiter().GetResult();

        Assert.That(der, Is.Null);
        Assert.That(failure, Does.Contain("is refused"));
    }
}
