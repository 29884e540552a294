using System.Text;

namespace MicroCredentials.Pdf.Tests;

/// <summary>The PDF reader's bounds (<see cref="PdfLimits"/>): bombs built here, each bound met and gone one past.</summary>
public sealed class PdfLimitsTests
{
    private const int MiB = 1024 * 1024;

    [Test]
    public void Read_AttachmentBomb_IsTooLargeAndNotInflated()
    {
        // The shape of the 498 KiB PDF that used to inflate to 4.7 GB: a FlateDecode credential.json of 512 MiB of spaces.
        var pdf = HandmadePdf.Build(attachment: HandmadePdf.Deflated(512L * MiB, "{\"a\":\""));
        Assert.That(pdf.Length, Is.LessThan(1024 * 1024));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = CertificateReader.Read(pdf);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(result.Verdict, Is.EqualTo(CertificateVerdict.TooLarge), result.Detail);
        Assert.That(result.Detail, Does.Contain("decompression bomb"));
        Assert.That(result.CredentialJson, Is.Null);
        Assert.That(allocated, Is.LessThan(16L * MiB), "bytes allocated while reading the bomb");
    }

    [Test]
    public void Read_ContentStreamBomb_IsTooLarge()
    {
        var pdf = HandmadePdf.Build(contents: [HandmadePdf.Deflated(256L * MiB)]);

        var result = CertificateReader.Read(pdf);

        Assert.That(result.Verdict, Is.EqualTo(CertificateVerdict.TooLarge));
        Assert.That(result.Detail, Does.Contain("decompression bomb"));
    }

    [TestCase(0, false, TestName = "Read_StreamInflatingToCap_IsRead")]
    [TestCase(1, true, TestName = "Read_StreamInflatingOnePastCap_IsTooLarge")]
    public void Read_StreamAroundInflateCap(int over, bool tooLarge)
    {
        var pdf = HandmadePdf.Build(extraStreams: [HandmadePdf.Deflated(PdfLimits.MaxStreamInflatedBytes + over)]);

        Assert.That(CertificateReader.Read(pdf).Verdict == CertificateVerdict.TooLarge, Is.EqualTo(tooLarge));
    }

    [TestCase(4, false, TestName = "Read_StreamsInflatingBelowTotalCap_AreRead")]
    [TestCase(5, true, TestName = "Read_StreamsInflatingPastTotalCap_AreTooLarge")]
    public void Read_StreamsAroundTotalCap(int streams, bool tooLarge)
    {
        // 3.5 MiB each: four stay under the 16 MiB total, five go past it.
        var stream = HandmadePdf.Deflated(7L * MiB / 2);
        var pdf = HandmadePdf.Build(extraStreams: Enumerable.Repeat(stream, streams).ToList());

        var result = CertificateReader.Read(pdf);

        Assert.That(result.Verdict == CertificateVerdict.TooLarge, Is.EqualTo(tooLarge), result.Detail);
    }

    [TestCase(0, false, TestName = "Read_StreamsAtCountCap_AreRead")]
    [TestCase(1, true, TestName = "Read_StreamsOnePastCountCap_AreTooLarge")]
    public void Read_StreamCountAroundCap(int over, bool tooLarge)
    {
        // The file itself has one stream (the empty attachment placeholder).
        var extra = Enumerable.Repeat(HandmadePdf.Plain("q Q"u8.ToArray()), PdfLimits.MaxStreams - 1 + over).ToList();

        var result = CertificateReader.Read(HandmadePdf.Build(extraStreams: extra));

        Assert.That(result.Verdict == CertificateVerdict.TooLarge, Is.EqualTo(tooLarge), result.Detail);
        Assert.That(result.Detail, tooLarge ? Does.Contain("streams") : Does.Not.Contain("streams"));
    }

    [TestCase(0, false, TestName = "Read_NestingAtCap_IsRead")]
    [TestCase(1, true, TestName = "Read_NestingOnePastCap_IsTooLarge")]
    public void Read_NestingAroundCap(int over, bool tooLarge)
    {
        var depth = PdfLimits.MaxNestingDepth + over;
        var pdf = HandmadePdf.Build(extraObject: new string('[', depth) + new string(']', depth));

        Assert.That(CertificateReader.Read(pdf).Verdict == CertificateVerdict.TooLarge, Is.EqualTo(tooLarge));
    }

    [Test]
    [CancelAfter(30_000)]
    public void Read_NestedHundredThousandDeep_IsTooLargeNotAStackOverflow(CancellationToken cancellationToken)
    {
        var pdf = HandmadePdf.Build(extraObject: new string('[', 100_000) + new string(']', 100_000));

        var result = CertificateReader.Read(pdf, cancellationToken);

        Assert.That(result.Verdict, Is.EqualTo(CertificateVerdict.TooLarge));
        Assert.That(result.Detail, Does.Contain("deeper than"));
    }

    [TestCase(0, false, TestName = "Read_AttachmentAtCap_IsRead")]
    [TestCase(1, true, TestName = "Read_AttachmentOnePastCap_IsTooLarge")]
    public void Read_AttachmentAroundCap(int over, bool tooLarge)
    {
        var json = "{" + new string(' ', PdfLimits.MaxAttachmentBytes - 2 + over) + "}";
        var pdf = HandmadePdf.Build(attachment: HandmadePdf.Plain(Encoding.UTF8.GetBytes(json)));

        var result = CertificateReader.Read(pdf);

        Assert.That(result.Verdict == CertificateVerdict.TooLarge, Is.EqualTo(tooLarge), result.Detail);
        Assert.That(result.CredentialJson, tooLarge ? Is.Null : Is.EqualTo(json));
    }

    [Test]
    public void Read_CompressedAttachmentOnePastCap_IsTooLarge()
    {
        var pdf = HandmadePdf.Build(attachment: HandmadePdf.Deflated(PdfLimits.MaxAttachmentBytes + 1, "{"));

        var result = CertificateReader.Read(pdf);

        Assert.That(result.Verdict, Is.EqualTo(CertificateVerdict.TooLarge));
        Assert.That(result.Detail, Does.Contain("credential.json"));
    }

    [Test]
    public void Read_CompressedAttachmentBelowCap_IsRead()
    {
        var pdf = HandmadePdf.Build(attachment: HandmadePdf.Deflated(20_000, "{\"ok\":1}"));

        var result = CertificateReader.Read(pdf);

        Assert.That(result.CredentialJson, Does.StartWith("{\"ok\":1}").And.Length.EqualTo(20_000));
    }

    [Test]
    public void Read_LzwStream_IsTooLarge()
    {
        var pdf = HandmadePdf.Build(extraStreams: [new HandmadePdf.Stream("/Filter /LZWDecode", [0x80, 0x0B, 0x60, 0x50])]);

        Assert.That(CertificateReader.Read(pdf).Verdict, Is.EqualTo(CertificateVerdict.TooLarge));
    }

    [Test]
    public void Read_LzwFilterNameWithEscapes_IsTooLarge()
    {
        // "/LZ#57Decode" is the name LZWDecode (ISO 32000-2 §7.3.5): a reader decodes it, so the check must too.
        var pdf = HandmadePdf.Build(extraStreams: [new HandmadePdf.Stream("/Filter /LZ#57Decode", [0x80, 0x0B, 0x60, 0x50])]);

        Assert.That(CertificateReader.Read(pdf).Verdict, Is.EqualTo(CertificateVerdict.TooLarge));
    }

    [Test]
    public void Read_LzwBytesInsideStreamData_AreNotAFilter()
    {
        // Compressed data spells "/LZW" now and then by chance; only a name in the objects is the filter.
        var pdf = HandmadePdf.Build(extraStreams: [HandmadePdf.Plain("q /LZWDecode Q"u8.ToArray())]);

        Assert.That(CertificateReader.Read(pdf).Verdict, Is.Not.EqualTo(CertificateVerdict.TooLarge));
    }

    [Test]
    public void Read_LargerThanMaxPdfBytes_IsTooLarge()
    {
        var pdf = HandmadePdf.Build(extraStreams: [HandmadePdf.Plain(new byte[PdfLimits.MaxPdfBytes])]);

        Assert.That(CertificateReader.Read(pdf).Verdict, Is.EqualTo(CertificateVerdict.TooLarge));
    }

    [Test]
    public void Read_CancelledRequest_Stops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(() => CertificateReader.Read(CertificateFixture.Signed(CertificateLanguage.English), cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void Read_OurCertificate_IsWithinEveryLimit()
    {
        var result = CertificateReader.Read(CertificateFixture.Signed(CertificateLanguage.Dutch));

        Assert.That(result.Verdict, Is.EqualTo(CertificateVerdict.SignatureValid), result.Detail);
    }
}
