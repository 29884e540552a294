using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MicroCredentials.Pdf.Signing;
using MicroCredentials.Tests.Shared;
using UglyToad.PdfPig.Tokens;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace MicroCredentials.Pdf.Tests;

/// <summary>
/// PAdES B-LT: a seal certificate issued by a test root whose CRL and OCSP services run on loopback; the seal chain,
/// the TSA's certificate and the revocation data are appended as a DSS in an incremental update after the signature.
/// </summary>
public sealed class LongTermSealTests
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

    [Test]
    public async Task Seal_WithChain_DssUpdateHoldsChainTsaCertificateOcspAndVri()
    {
        var result = await LongTermSeal.SealAsync(_tsa, _seal, [_pki.RootCertificate]);

        Assert.That(result.Level, Is.EqualTo(SealLevel.BaselineLt), result.Detail + _pki.LastError);
        var pdf = result.Pdf!;
        var signedLength = LongTermSeal.SignedLength(pdf);
        Assert.That(pdf.Length, Is.GreaterThan(signedLength), "the DSS is appended after the signed revision");
        using var document = PigDocument.Open(pdf);
        var dss = LongTermSeal.Dss(document);
        var certs = LongTermSeal.Streams(document, dss, "Certs");
        Assert.That(certs, Has.Some.EqualTo(_seal.RawData));
        Assert.That(certs, Has.Some.EqualTo(_pki.RootCertificate.RawData));
        Assert.That(certs, Has.Some.EqualTo(_tsa.TsaCertificate.RawData), "the TSA's certificate from its token");
        var ocsps = LongTermSeal.Streams(document, dss, "OCSPs");
        Assert.That(ocsps, Has.Count.EqualTo(1));
        Assert.That(LongTermSeal.Streams(document, dss, "CRLs"), Is.Empty, "the OCSP answer was enough");

        // ETSI EN 319 142-1 §5.4.2: the VRI key is the upper-case hex SHA-1 of the signature's /Contents value.
        var (start, length) = TimeStampedSeal.ContentsHex(pdf);
        var key = Convert.ToHexString(SHA1.HashData(Convert.FromHexString(Encoding.ASCII.GetString(pdf, start, length))));
        var vri = (DictionaryToken)dss.Data["VRI"];
        Assert.That(vri.Data.Keys, Is.EqualTo(new[] { key }));
        var entry = (DictionaryToken)document.Structure.GetObject(((IndirectReferenceToken)vri.Data[key]).Data).Data;
        Assert.That(LongTermSeal.Streams(document, entry, "OCSP"), Is.EqualTo(ocsps));
        Assert.That(LongTermSeal.Streams(document, entry, "Cert"), Is.EqualTo(certs));
        Assert.That(_pki.OcspRequests, Is.Positive);
    }

    [Test]
    public async Task Seal_WithChain_OpensslVerifiesTheOcspAnswerAgainstTheRoot()
    {
        var pdf = (await LongTermSeal.SealAsync(_tsa, _seal, [_pki.RootCertificate])).Pdf!;
        using var document = PigDocument.Open(pdf);
        var folder = ExternalTool.TempFolder();
        var ocspPath = Path.Combine(folder, "ocsp.der");
        var rootPath = Path.Combine(folder, "root.pem");
        var sealPath = Path.Combine(folder, "seal.pem");
        File.WriteAllBytes(ocspPath, LongTermSeal.Streams(document, LongTermSeal.Dss(document), "OCSPs")[0]);
        File.WriteAllText(rootPath, _pki.RootCertificate.ExportCertificatePem());
        File.WriteAllText(sealPath, _seal.ExportCertificatePem());

        var openssl = await ExternalTool.RunAsync("openssl", "ocsp", "-respin", ocspPath, "-issuer", rootPath, "-cert", sealPath,
            "-CAfile", rootPath, "-no_nonce", "-validity_period", "1000000000");

        Assert.That(openssl.All, Does.Contain("Response verify OK"));
        Assert.That(openssl.All, Does.Contain("seal.pem: good"));
    }

    [Test]
    public async Task Seal_OcspDown_FallsBackToTheCrl()
    {
        _pki.OcspBehaviour = RevocationTestServer.Mode.Unavailable;

        var result = await LongTermSeal.SealAsync(_tsa, _seal, [_pki.RootCertificate]);

        Assert.That(result.Level, Is.EqualTo(SealLevel.BaselineLt), result.Detail);
        using var document = PigDocument.Open(result.Pdf!);
        var crls = LongTermSeal.Streams(document, LongTermSeal.Dss(document), "CRLs");
        Assert.That(crls, Has.Count.EqualTo(1));
        var folder = ExternalTool.TempFolder();
        File.WriteAllBytes(Path.Combine(folder, "crl.der"), crls[0]);
        File.WriteAllText(Path.Combine(folder, "root.pem"), _pki.RootCertificate.ExportCertificatePem());
        var openssl = await ExternalTool.RunAsync("openssl", "crl", "-inform", "DER", "-in", Path.Combine(folder, "crl.der"),
            "-CAfile", Path.Combine(folder, "root.pem"), "-noout");
        Assert.That(openssl.All, Does.Contain("verify OK"));
        var read = CertificateReader.Read(result.Pdf!);
        Assert.That(read.Verdict, Is.EqualTo(CertificateVerdict.SignatureValid), read.Detail);
        Assert.That(read.SealLevel, Is.EqualTo(SealLevel.BaselineLt));
        Assert.That(read.Dss, Is.EqualTo(new DssContents(3, 1, 0, InUpdate: true)));
    }

    [Test]
    public async Task Seal_WithChain_PdfsigSaysValidButNotTotalDocumentSigned()
    {
        var pdf = (await LongTermSeal.SealAsync(_tsa, _seal, [_pki.RootCertificate])).Pdf!;

        var pdfsig = await ExternalTool.RunAsync("pdfsig", CertificateFixture.WriteTemp(pdf));

        Assert.That(pdfsig.StdOut, Does.Contain("Signature is Valid"));
        Assert.That(pdfsig.StdOut, Does.Contain("Signature Type: ETSI.CAdES.detached"));
        // The DSS update lies after the signed bytes, so poppler reports the signature does not cover the whole file.
        Assert.That(pdfsig.StdOut, Does.Contain("Not total document signed"));
        Assert.That(pdfsig.StdOut, Does.Not.Contain("Total document signed"));
    }

    [Test]
    public async Task Seal_WithChain_QpdfCheckPasses()
    {
        var pdf = (await LongTermSeal.SealAsync(_tsa, _seal, [_pki.RootCertificate])).Pdf!;

        var qpdf = await ExternalTool.RunAsync("qpdf", "--check", CertificateFixture.WriteTemp(pdf));

        // As for every sealed certificate, qpdf exits 3 on PDFsharp's Flate streams ("input stream is complete but output may
        // still be valid", CertificateArchivalTests): those warnings only, and all of them inside the signed revision.
        Assert.That(qpdf.ExitCode, Is.AnyOf(0, 3), qpdf.All);
        var warnings = qpdf.All.Split('\n').Where(l => l.StartsWith("WARNING", StringComparison.Ordinal)).ToList();
        Assert.That(warnings, Has.All.Contains("input stream is complete but output may still be valid"));
        var offsets = warnings.Select(w => long.Parse(System.Text.RegularExpressions.Regex.Match(w, @"\(offset (\d+)\)").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(offsets, Has.All.LessThan(LongTermSeal.SignedLength(pdf)));
        Assert.That(qpdf.All, Does.Not.Contain("ERROR").And.Not.Contain("error"));
    }

    [Test]
    public async Task Read_LongTermSeal_GenuineAtBaselineLt()
    {
        var pdf = (await LongTermSeal.SealAsync(_tsa, _seal, [_pki.RootCertificate])).Pdf!;

        var read = CertificateReader.Read(pdf);

        Assert.That(read.Verdict, Is.EqualTo(CertificateVerdict.SignatureValid), read.Detail);
        Assert.That(read.SealLevel, Is.EqualTo(SealLevel.BaselineLt));
        Assert.That(read.PrintedValues, Is.EqualTo(PrintedValuesCheck.Match));
        Assert.That(read.TimeStampTime, Is.EqualTo(TimeStampedSeal.TsaTime));
        Assert.That(read.Dss, Is.EqualTo(new DssContents(3, 0, 1, InUpdate: true)));
        Assert.That(read.SealRevocationChecked, Is.True);
        Assert.That(read.SealRevokedAt, Is.Null);
        Assert.That(read.Detail, Does.Contain("not revoked"));
    }

    [Test]
    public async Task Seal_DemoSealWithoutChain_FetchesNothingAndStaysBaselineT()
    {
        var ocsp = _pki.OcspRequests;
        var crl = _pki.CrlRequests;
        using var demo = RepositoryPaths.DemoSeal();

        var result = await LongTermSeal.SealAsync(_tsa, demo, []);

        Assert.That(result.Level, Is.EqualTo(SealLevel.BaselineT), result.Detail);
        Assert.That(result.LongTerm, Is.Null);
        Assert.That((_pki.OcspRequests, _pki.CrlRequests), Is.EqualTo((ocsp, crl)));
        Assert.That(result.Pdf!.Length, Is.EqualTo(LongTermSeal.SignedLength(result.Pdf)), "no update appended");
        var read = CertificateReader.Read(result.Pdf);
        Assert.That(read.SealLevel, Is.EqualTo(SealLevel.BaselineT));
        Assert.That(read.Dss, Is.EqualTo(new DssContents(1, 0, 0, InUpdate: false)));
    }

    [Test]
    public void Read_SealWithoutTsa_IsBaselineB()
    {
        var read = CertificateReader.Read(CertificateFixture.Signed(CertificateLanguage.English));

        Assert.That(read.SealLevel, Is.EqualTo(SealLevel.BaselineB));
    }

    [Test]
    public async Task Read_SealCertificateRevokedBeforeTheTimeStamp_SealRefusedAsRevoked()
    {
        using var seal = _pki.IssueSeal("MicroCredentials Revoked Seal");
        _pki.RevocationTime = CertificateFixture.SigningTime.AddDays(-1);
        _pki.Revoke(seal);

        var result = await LongTermSeal.SealAsync(_tsa, seal, [_pki.RootCertificate]);
        var read = CertificateReader.Read(result.Pdf!);

        Assert.That(result.LongTerm!.SealRevoked, Is.True, result.Detail);
        Assert.That(read.Verdict, Is.EqualTo(CertificateVerdict.SignatureInvalid));
        Assert.That(read.SealRevokedAt, Is.EqualTo(_pki.RevocationTime));
        Assert.That(read.Detail, Does.Contain("seal certificate was revoked on 2026-06-29 10:00:00Z"));
    }

    [Test]
    public async Task Read_SealCertificateRevokedAfterTheTimeStamp_ValidAndSaysWhen()
    {
        using var seal = _pki.IssueSeal("MicroCredentials Later Revoked Seal");
        _pki.RevocationTime = TimeStampedSeal.TsaTime.AddDays(2);
        _pki.Revoke(seal);

        var read = CertificateReader.Read((await LongTermSeal.SealAsync(_tsa, seal, [_pki.RootCertificate])).Pdf!);

        Assert.That(read.Verdict, Is.EqualTo(CertificateVerdict.SignatureValid), read.Detail);
        Assert.That(read.SealLevel, Is.EqualTo(SealLevel.BaselineLt));
        Assert.That(read.SealRevokedAt, Is.EqualTo(_pki.RevocationTime));
        Assert.That(read.Detail, Does.Contain("after the seal was time-stamped"));
    }

    [Test]
    public async Task Verify_SealCertificateRevokedBeforeTheTimeStamp_SealCheckSaysRevokedNotChanged()
    {
        using var seal = _pki.IssueSeal("MicroCredentials Revoked Seal For The Report");
        _pki.RevocationTime = CertificateFixture.SigningTime.AddDays(-1);
        _pki.Revoke(seal);
        using var genuine = new GenuineCertificates();
        using var timeStamps = TimeStampedSeal.Client(_tsa.Url);
        using var revocation = new RevocationClient(MicroCredentials.Net.PublicHttpOptions.LoopbackForTesting);
        var pdf = (await new CertificateDocument(genuine.Model(genuine.Json, genuine.Jwt)).GenerateSignedPdfAsync(seal, [_pki.RootCertificate],
            CertificateFixture.SigningTime, timeStamps, revocation, CancellationToken.None)).Pdf!;

        var report = await MicroCredentials.Pdf.CertificateVerification.VerifyAsync(genuine.Verifier, pdf, seal, null, CancellationToken.None);

        var check = report.Checks.Single(c => c.Id == MicroCredentials.Verification.CheckId.PdfSignature);
        Assert.That(check.Outcome, Is.EqualTo(MicroCredentials.Verification.CheckOutcome.Fail));
        Assert.That(check.Detail, Does.Contain("seal certificate was revoked on 2026-06-29 10:00:00Z"));
        Assert.That(check.Detail, Does.Not.Contain("changed after sealing"));
    }
}
