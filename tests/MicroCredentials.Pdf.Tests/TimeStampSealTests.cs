using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MicroCredentials.Pdf.Signing;
using MicroCredentials.Tests.Shared;
using UglyToad.PdfPig.Tokens;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace MicroCredentials.Pdf.Tests;

/// <summary>PAdES B-T: the seal carries an RFC 3161 signature time-stamp from a real TSA on loopback.</summary>
public sealed class TimeStampSealTests
{
    private TimeStampTestServer _tsa = null!;

    [OneTimeSetUp]
    public void StartTsa() => _tsa = new TimeStampTestServer(TimeStampedSeal.TsaTime);

    [OneTimeTearDown]
    public void StopTsa() => _tsa.Dispose();

    [Test]
    public async Task SignAsync_WithTsa_TokenVerifiesForTheSignature()
    {
        var sealedPdf = await TimeStampedSeal.SealAsync(_tsa);

        Assert.That(sealedPdf.Succeeded, Is.True, sealedPdf.Detail + _tsa.LastError);
        var cms = TimeStampedSeal.Cms(sealedPdf.Pdf!);
        var token = TimeStampedSeal.Token(cms);
        Assert.That(token.VerifySignatureForSignerInfo(cms.SignerInfos[0], out var signer), Is.True);
        Assert.That(signer!.RawData, Is.EqualTo(_tsa.TsaCertificate.RawData));
        Assert.That(token.TokenInfo.Timestamp, Is.EqualTo(TimeStampedSeal.TsaTime));
        Assert.That(token.TokenInfo.PolicyId.Value, Is.EqualTo(TimeStampTestServer.PolicyOid));
        Assert.That(sealedPdf.TimeStamp!.Failure, Is.EqualTo(TimeStampFailure.None));
    }

    [Test]
    public async Task SignAsync_WithTsa_OpensslVerifiesTokenAgainstTestCa()
    {
        var sealedPdf = await TimeStampedSeal.SealAsync(_tsa);
        var cms = TimeStampedSeal.Cms(sealedPdf.Pdf!);
        var folder = ExternalTool.TempFolder();
        var tokenPath = Path.Combine(folder, "token.der");
        var caPath = Path.Combine(folder, "ca.pem");
        File.WriteAllBytes(tokenPath, TimeStampedSeal.Token(cms).AsSignedCms().Encode());
        File.WriteAllText(caPath, _tsa.CaCertificate.ExportCertificatePem());
        var digest = Convert.ToHexString(SHA256.HashData(cms.SignerInfos[0].GetSignature()));

        var openssl = await ExternalTool.RunAsync("openssl", "ts", "-verify", "-token_in", "-in", tokenPath, "-digest", digest, "-CAfile", caPath);

        Assert.That(openssl.All, Does.Contain("Verification: OK"));
    }

    [Test]
    public async Task SignAsync_WithTsa_PdfsigReportsValidSignature()
    {
        var sealedPdf = await TimeStampedSeal.SealAsync(_tsa);

        var pdfsig = await ExternalTool.RunAsync("pdfsig", CertificateFixture.WriteTemp(sealedPdf.Pdf!));

        Assert.That(pdfsig.StdOut, Does.Contain("Signature is Valid"));
        Assert.That(pdfsig.StdOut, Does.Contain("Total document signed"));
        Assert.That(pdfsig.StdOut, Does.Contain("Signature Type: ETSI.CAdES.detached"));
    }

    [Test]
    public async Task Read_TimeStampedSeal_ReportsTimeAndAuthority()
    {
        var sealedPdf = await TimeStampedSeal.SealAsync(_tsa);

        var read = CertificateReader.Read(sealedPdf.Pdf!);

        Assert.That(read.Verdict, Is.EqualTo(CertificateVerdict.SignatureValid), read.Detail);
        Assert.That(read.TimeStampTime, Is.EqualTo(TimeStampedSeal.TsaTime));
        Assert.That(read.TimeStampAuthority, Is.EqualTo("MicroCredentials Test TSA"));
        Assert.That(read.SigningTime, Is.EqualTo(CertificateFixture.SigningTime));
        Assert.That(read.PrintedValues, Is.EqualTo(PrintedValuesCheck.Match));
        Assert.That(read.Detail, Does.Contain("time-stamped at 2026-06-30 11:00:00Z by MicroCredentials Test TSA"));
    }

    [Test]
    public void Read_SealWithoutTsa_HasNoTimeStamp()
    {
        var read = CertificateReader.Read(CertificateFixture.Signed(CertificateLanguage.English));

        Assert.That(read.Verdict, Is.EqualTo(CertificateVerdict.SignatureValid));
        Assert.That(read.TimeStampTime, Is.Null);
        Assert.That(read.TimeStampAuthority, Is.Null);
    }

    [Test]
    public async Task Read_TokenSignatureFlipped_SealRefused()
    {
        var pdf = (await TimeStampedSeal.SealAsync(_tsa)).Pdf!;
        var tokenSignature = Convert.ToHexString(TimeStampedSeal.Token(TimeStampedSeal.Cms(pdf)).AsSignedCms().SignerInfos[0].GetSignature());
        var at = Encoding.ASCII.GetString(pdf).IndexOf(tokenSignature, StringComparison.Ordinal);
        Assert.That(at, Is.Positive, "the token's signature is in /Contents");
        pdf[at + 10] = pdf[at + 10] == (byte)'0' ? (byte)'1' : (byte)'0';

        var read = CertificateReader.Read(pdf);

        Assert.That(read.Verdict, Is.EqualTo(CertificateVerdict.SignatureInvalid));
        Assert.That(read.Detail, Does.Contain("time-stamp does not verify"));
        Assert.That(read.TimeStampTime, Is.Null);
    }

    [Test]
    public async Task Read_TokenFromAnotherSeal_SealRefused()
    {
        // A genuine token, but over another signature value: copied in place of this seal's own token.
        var first = (await TimeStampedSeal.SealAsync(_tsa)).Pdf!;
        var second = (await TimeStampedSeal.SealAsync(_tsa)).Pdf!;
        var cms = TimeStampedSeal.Cms(first);
        var signer = cms.SignerInfos[0];
        var attribute = signer.UnsignedAttributes.Cast<CryptographicAttributeObject>().Single().Values[0];
        signer.RemoveUnsignedAttribute(attribute);
        signer.AddUnsignedAttribute(new AsnEncodedData(attribute.Oid!, TimeStampedSeal.Token(TimeStampedSeal.Cms(second)).AsSignedCms().Encode()));
        TimeStampedSeal.ReplaceContents(first, cms.Encode());

        var read = CertificateReader.Read(first);

        Assert.That(read.Verdict, Is.EqualTo(CertificateVerdict.SignatureInvalid));
        Assert.That(read.TimeStampTime, Is.Null);
    }

    [TestCase(new byte[] { 0x04, 0x03, 0x01, 0x02, 0x03 })]
    [TestCase(new byte[] { 0x30, 0x00 })]
    public async Task Read_TimeStampAttributeNotAToken_SealRefused(byte[] value)
    {
        var pdf = (await TimeStampedSeal.SealAsync(_tsa)).Pdf!;
        var cms = TimeStampedSeal.Cms(pdf);
        var signer = cms.SignerInfos[0];
        var attribute = signer.UnsignedAttributes.Cast<CryptographicAttributeObject>().Single().Values[0];
        signer.RemoveUnsignedAttribute(attribute);
        signer.AddUnsignedAttribute(new AsnEncodedData(attribute.Oid!, value));
        TimeStampedSeal.ReplaceContents(pdf, cms.Encode());

        var read = CertificateReader.Read(pdf);

        Assert.That(read.Verdict, Is.EqualTo(CertificateVerdict.SignatureInvalid), read.Detail);
        Assert.That(read.Detail, Does.Contain("time-stamp does not verify"));
    }

    [Test]
    public async Task Read_TimeStampRemoved_ValidSealWithoutTimeStamp()
    {
        var pdf = (await TimeStampedSeal.SealAsync(_tsa)).Pdf!;
        var cms = TimeStampedSeal.Cms(pdf);
        var signer = cms.SignerInfos[0];
        signer.RemoveUnsignedAttribute(signer.UnsignedAttributes.Cast<CryptographicAttributeObject>().Single().Values[0]);
        TimeStampedSeal.ReplaceContents(pdf, cms.Encode());

        var read = CertificateReader.Read(pdf);

        // Stripping the token only lowers the seal to B-B: still our unchanged file, no longer time-stamped.
        Assert.That(read.Verdict, Is.EqualTo(CertificateVerdict.SignatureValid), read.Detail);
        Assert.That(read.TimeStampTime, Is.Null);
    }

    [Test]
    public async Task SignAsync_Dss_HoldsTheSealCertificateInsideTheSignedRevision()
    {
        var pdf = (await TimeStampedSeal.SealAsync(_tsa)).Pdf!;
        using var seal = RepositoryPaths.DemoSeal();

        using var document = PigDocument.Open(pdf);
        var dss = (DictionaryToken)document.Structure.GetObject(
            ((IndirectReferenceToken)document.Structure.Catalog.CatalogDictionary.Data["DSS"]).Data).Data;
        var certs = (ArrayToken)dss.Data["Certs"];
        var first = (StreamToken)document.Structure.GetObject(((IndirectReferenceToken)certs.Data[0]).Data).Data;

        Assert.That(first.StreamDictionary.Data.ContainsKey("Filter"), Is.False, "stored as plain DER");
        Assert.That(first.Data.ToArray(), Is.EqualTo(seal.RawData));
        Assert.That(X509CertificateLoader.LoadCertificate(first.Data.ToArray()).Thumbprint, Is.EqualTo(seal.Thumbprint));
        // The whole file is signed, the DSS included.
        Assert.That(CertificateReader.Read(pdf).Verdict, Is.EqualTo(CertificateVerdict.SignatureValid));
    }
}
