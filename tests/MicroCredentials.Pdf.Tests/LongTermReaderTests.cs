using System.Security.Cryptography.X509Certificates;
using System.Text;
using MicroCredentials.Pdf.Signing;
using MicroCredentials.Tests.Shared;

namespace MicroCredentials.Pdf.Tests;

/// <summary>
/// The reader accepts exactly one incremental update after the signed revision that only adds a DSS, and refuses every
/// other change after signing (a changed page, an annotation, a second update, a catalogue change, garbage), within
/// <see cref="PdfLimits.MaxDssEntries"/> and <see cref="PdfLimits.MaxDssUpdateBytes"/>.
/// </summary>
public sealed class LongTermReaderTests
{
    private TimeStampTestServer _tsa = null!;
    private RevocationTestServer _pki = null!;
    private X509Certificate2 _seal = null!;
    private byte[] _longTerm = null!;
    private byte[] _timeStamped = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _tsa = new TimeStampTestServer(TimeStampedSeal.TsaTime);
        _pki = new RevocationTestServer(TimeStampedSeal.TsaTime.AddMinutes(5));
        _seal = _pki.IssueSeal();
        var sealedPdf = await LongTermSeal.SealAsync(_tsa, _seal, [_pki.RootCertificate]);
        Assert.That(sealedPdf.Level, Is.EqualTo(SealLevel.BaselineLt), sealedPdf.Detail);
        _longTerm = sealedPdf.Pdf!;
        _timeStamped = (await TimeStampedSeal.SealAsync(_tsa)).Pdf!;
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _seal.Dispose();
        _pki.Dispose();
        _tsa.Dispose();
    }

    private static void AssertChanged(byte[] pdf, string because)
    {
        var read = CertificateReader.Read(pdf);
        Assert.That(read.Verdict, Is.EqualTo(CertificateVerdict.SignatureInvalid), read.Detail);
        Assert.That(read.Detail, Does.StartWith("The PDF was changed after it was signed"));
        Assert.That(read.Detail, Does.Contain(because));
        Assert.That(read.SealLevel, Is.EqualTo(SealLevel.None));
    }

    [Test]
    public void Read_LongTermSealPlusPageText_Refused() =>
        AssertChanged(IncrementalUpdate.AppendText(_longTerm, "Grade: 10/10"), "more than one update");

    [Test]
    public void Read_TimeStampedSealPlusPageText_Refused() =>
        AssertChanged(IncrementalUpdate.AppendText(_timeStamped, "Grade: 10/10"), "replaced");

    [Test]
    public void Read_TimeStampedSealPlusAnnotation_Refused() =>
        AssertChanged(HostileUpdates.AppendAnnotation(_timeStamped), "replaced");

    [Test]
    public void Read_DssUpdateThatAlsoReplacesThePage_Refused()
    {
        var catalog = HostileUpdates.Catalog(_timeStamped);
        var page = HostileUpdates.FirstPage(_timeStamped);
        var dss = HostileUpdates.NextObject(_timeStamped);
        var body = HostileUpdates.Body(_timeStamped, page);
        var pdf = HostileUpdates.Append(_timeStamped, new Dictionary<int, string>
        {
            [dss] = "<</Type/DSS>>",
            [catalog] = System.Text.RegularExpressions.Regex.Replace(HostileUpdates.Body(_timeStamped, catalog), @"/DSS \d+ 0 R", $"/DSS {dss} 0 R"),
            [page] = body.Replace("/Contents ", "/Rotate 90/Contents ", StringComparison.Ordinal),
        });

        AssertChanged(pdf, "replaced");
    }

    [Test]
    public void Read_HandMadeDssUpdate_Accepted()
    {
        // The same kind of update written by another hand: only the catalogue's /DSS changes, the DSS is new.
        var catalog = HostileUpdates.Catalog(_timeStamped);
        var dss = HostileUpdates.NextObject(_timeStamped);
        var pdf = HostileUpdates.Append(_timeStamped, new Dictionary<int, string>
        {
            [dss] = "<</Type/DSS>>",
            [catalog] = System.Text.RegularExpressions.Regex.Replace(HostileUpdates.Body(_timeStamped, catalog), @"/DSS \d+ 0 R", $"/DSS {dss} 0 R"),
        });

        var read = CertificateReader.Read(pdf);

        Assert.That(read.Verdict, Is.EqualTo(CertificateVerdict.SignatureValid), read.Detail);
        Assert.That(read.Dss, Is.EqualTo(new DssContents(0, 0, 0, InUpdate: true)));
    }

    [Test]
    public void Read_DssUpdateWithAnotherCatalogueChange_Refused()
    {
        // /Lang(en) → /Lang(fr) in the update's catalogue: same length, so every offset stays right.
        var text = Encoding.Latin1.GetString(_longTerm);
        var signed = LongTermSeal.SignedLength(_longTerm);
        var at = text.LastIndexOf("/Lang(en)", StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThan(signed));
        var pdf = _longTerm.ToArray();
        Encoding.Latin1.GetBytes("/Lang(fr)").CopyTo(pdf, at);

        AssertChanged(pdf, "catalogue changed");
    }

    [Test]
    public void Read_SecondDssUpdate_Refused()
    {
        using var demo = RepositoryPaths.DemoSeal();
        var pdf = LongTermValidation.AppendDss(_longTerm, new LongTermResult { Certificates = [demo], Detail = "" });

        AssertChanged(pdf, "more than one update");
    }

    [TestCase(new byte[] { 0x78, 0x78, 0x78 }, TestName = "Read_DssUpdateWithGarbageStream_Refused(not DER)")]
    [TestCase(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x05, 0x00 }, TestName = "Read_DssUpdateWithGarbageStream_Refused(bytes after the DER value)")]
    [TestCase(new byte[] { 0x04, 0x01, 0x05 }, TestName = "Read_DssUpdateWithGarbageStream_Refused(not a SEQUENCE)")]
    public void Read_DssUpdateWithGarbageStream_Refused(byte[] garbage)
    {
        using var demo = RepositoryPaths.DemoSeal();
        var pdf = LongTermValidation.AppendDss(_timeStamped, new LongTermResult { Certificates = [demo], Crls = [garbage], Detail = "" });

        AssertChanged(pdf, "not one DER value");
    }

    [Test]
    public void Read_DssUpdateWithACertificateThatIsNot_Refused()
    {
        var pdf = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(
            LongTermValidation.AppendDss(_timeStamped, new LongTermResult { Certificates = [_pki.RootCertificate], Detail = "" })));
        // A DER SEQUENCE of the certificate's length that is not a certificate: flip the inner tag of tbsCertificate.
        var der = _pki.RootCertificate.RawData;
        var at = pdf.AsSpan(LongTermSeal.SignedLength(pdf)).IndexOf(der) + LongTermSeal.SignedLength(pdf);
        pdf[at + 4] = 0x31;

        AssertChanged(pdf, "not a certificate");
    }

    [TestCase(PdfLimits.MaxDssEntries, true)]
    [TestCase(PdfLimits.MaxDssEntries + 1, false)]
    public void Read_DssCertificateEntries_AcceptedUpToTheBound(int count, bool accepted)
    {
        using var demo = RepositoryPaths.DemoSeal();
        var pdf = LongTermValidation.AppendDss(_timeStamped,
            new LongTermResult { Certificates = Enumerable.Repeat(demo, count).ToList(), Detail = "" });

        var read = CertificateReader.Read(pdf);

        if (accepted)
        {
            Assert.That(read.Verdict, Is.EqualTo(CertificateVerdict.SignatureValid), read.Detail);
            Assert.That(read.Dss!.Certificates, Is.EqualTo(count));
        }
        else
        {
            AssertChanged(pdf, $"more than {PdfLimits.MaxDssEntries} entries");
        }
    }

    [TestCase(0, true)]
    [TestCase(1, false)]
    public void Read_DssUpdateBytes_AcceptedUpToTheBound(int over, bool accepted)
    {
        // Five DER SEQUENCEs of about 200 KiB in /CRLs; the last one sized so the update is exactly the bound (+ over).
        using var demo = RepositoryPaths.DemoSeal();
        byte[] Blob(int content) => [0x30, 0x83, (byte)(content >> 16), (byte)(content >> 8), (byte)content, .. new byte[content]];
        var fixedBlobs = Enumerable.Range(0, 4).Select(_ => Blob(200 * 1024)).ToList();
        var last = 100 * 1024;
        byte[] pdf = [];
        for (var attempt = 0; attempt < 5; attempt++)
        {
            pdf = LongTermValidation.AppendDss(_timeStamped, new LongTermResult { Certificates = [demo], Crls = [.. fixedBlobs, Blob(last)], Detail = "" });
            var missing = PdfLimits.MaxDssUpdateBytes + over - (pdf.Length - _timeStamped.Length);
            if (missing == 0)
            {
                break;
            }
            last += missing;
        }
        Assert.That(pdf.Length - _timeStamped.Length, Is.EqualTo(PdfLimits.MaxDssUpdateBytes + over));

        var read = CertificateReader.Read(pdf);

        if (accepted)
        {
            Assert.That(read.Verdict, Is.EqualTo(CertificateVerdict.SignatureValid), read.Detail);
            Assert.That(read.Dss, Is.EqualTo(new DssContents(1, 5, 0, InUpdate: true)));
        }
        else
        {
            AssertChanged(pdf, "more than 1 MiB after the signed part");
        }
    }

    [TestCase("%%EOF\n")]
    [TestCase("\n1 0 obj\n<</Length 999999>>\nstream\nabc")]
    [TestCase("\nxref\n0 1\n0000000000 65535 f \ntrailer\n<<>>\nstartxref\n0\n%%EOF\n")]
    [TestCase("\x00\xff garbage \x01")]
    public void Read_GarbageAfterTheSignedRevision_RefusedWithoutException(string tail)
    {
        var pdf = (byte[])[.. _longTerm[..LongTermSeal.SignedLength(_longTerm)], .. Encoding.Latin1.GetBytes(tail)];

        var read = CertificateReader.Read(pdf);

        Assert.That(read.Verdict, Is.AnyOf(CertificateVerdict.SignatureInvalid, CertificateVerdict.Damaged), read.Detail);
        Assert.That(read.SealLevel, Is.EqualTo(SealLevel.None));
    }
}
