using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace MicroCredentials.Pdf.Tests;

/// <summary>
/// A font's character map is checked before PdfPig expands it code by code: one flipped byte in a <c>bfrange</c>
/// (found by bit-flipping our own certificate) made PdfPig allocate until the kernel killed the host.
/// </summary>
public sealed class PdfCMapLimitsTests
{
    private static string CMap(string ranges) =>
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Adobe-Identity-UCS def "
        + "1 begincodespacerange <0000> <FFFF> endcodespacerange " + ranges + " endcmap CMapName currentdict /CMap defineresource pop end end";

    private static string Hex(long code, int digits = 4) => "<" + code.ToString("X" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + ">";

    private static byte[] PdfWith(string cmap, bool deflated)
    {
        var bytes = Encoding.ASCII.GetBytes(cmap);
        if (!deflated)
        {
            return HandmadePdf.Build(extraStreams: [HandmadePdf.Plain(bytes)]);
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(bytes);
        }

        return HandmadePdf.Build(extraStreams: [new HandmadePdf.Stream("/Filter /FlateDecode", compressed.ToArray())]);
    }

    [TestCase(false, TestName = "Read_CMapRangeOfMaxCodes_IsNotRefusedForIt")]
    [TestCase(true, TestName = "Read_DeflatedCMapRangeOfMaxCodes_IsNotRefusedForIt")]
    public void Read_RangeAtTheBound(bool deflated)
    {
        var pdf = PdfWith(CMap($"1 beginbfrange <0000> {Hex(PdfLimits.MaxCMapRangeCodes - 1)} <0041> endbfrange"), deflated);

        var result = CertificateReader.Read(pdf);

        Assert.That(result.Detail, Does.Not.Contain("character map"));
    }

    [TestCase(false, TestName = "Read_CMapRangeOnePastMaxCodes_IsRefused")]
    [TestCase(true, TestName = "Read_DeflatedCMapRangeOnePastMaxCodes_IsRefused")]
    public void Read_RangeOnePastTheBound(bool deflated)
    {
        var pdf = PdfWith(CMap($"1 beginbfrange <0000> {Hex(PdfLimits.MaxCMapRangeCodes, 8)} <0041> endbfrange"), deflated);

        var result = CertificateReader.Read(pdf);

        Assert.That(result.Verdict, Is.EqualTo(CertificateVerdict.TooLarge));
        Assert.That(result.Detail, Does.Contain("character map spans 65,537 codes"));
    }

    [Test]
    public void Read_CMapWithFourByteRange_IsRefusedWithoutExpandingIt()
    {
        // The shape of the flip: <0000> <FFFFFFFF> (or a reversed pair) — PdfPig would add four billion entries.
        var pdf = PdfWith(CMap("2 beginbfrange <0020> <0020> <0041> <0000> <FFFFFFFF> [<0041> <0042>] endbfrange"), deflated: true);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = CertificateReader.Read(pdf);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(result.Verdict, Is.EqualTo(CertificateVerdict.TooLarge));
        Assert.That(allocated, Is.LessThan(16L * 1024 * 1024));
    }

    [Test]
    public void Read_ReversedCidRange_IsRefused()
    {
        var pdf = PdfWith(CMap("1 begincidrange <0100> <00FF> 7 endcidrange"), deflated: false);

        var result = CertificateReader.Read(pdf);

        Assert.That(result.Verdict, Is.EqualTo(CertificateVerdict.TooLarge));
        Assert.That(result.Detail, Does.Contain("reversed range"));
    }

    [Test]
    public void Read_ManyRangesPastTheTotal_AreRefused()
    {
        var ranges = new StringBuilder();
        var count = (int)(PdfLimits.MaxCMapTotalCodes / PdfLimits.MaxCMapRangeCodes) + 1;
        ranges.Append(count.ToString(CultureInfo.InvariantCulture)).Append(" beginbfrange ");
        for (var i = 0; i < count; i++)
        {
            ranges.Append(Hex((long)i << 16, 8)).Append(' ').Append(Hex(((long)i << 16) + PdfLimits.MaxCMapRangeCodes - 1, 8)).Append(" <0041> ");
        }

        var pdf = PdfWith(CMap(ranges.Append("endbfrange").ToString()), deflated: true);

        var result = CertificateReader.Read(pdf);

        Assert.That(result.Verdict, Is.EqualTo(CertificateVerdict.TooLarge));
        Assert.That(result.Detail, Does.Contain("in all"));
    }

    [Test]
    public void Read_GenuineCertificate_PassesTheCMapCheck()
    {
        using var genuine = new GenuineCertificates();

        var result = CertificateReader.Read(genuine.Original());

        Assert.That(result.Verdict, Is.EqualTo(CertificateVerdict.SignatureValid), result.Detail);
    }
}
