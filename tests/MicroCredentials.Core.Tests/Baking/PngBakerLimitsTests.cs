using System.IO.Compression;
using System.Text;
using MicroCredentials.Baking;
using MicroCredentials.Verification;

namespace MicroCredentials.Core.Tests.Baking;

/// <summary>The PNG reader's bounds (<see cref="CoreLimits"/>): each is met, then gone one past.</summary>
public sealed class PngBakerLimitsTests
{
    [Test]
    public void Extract_CompressedITxtBomb_IsRefusedWithoutInflatingIt()
    {
        // 256 MiB of spaces deflate to ~250 KiB: the shape of the 497 KiB PNG that used to cost 2.4 GB.
        var bomb = BadgePng(CompressedITxt(new string(' ', 16) + "{", 256 * 1024 * 1024));
        Assert.That(bomb.Length, Is.LessThan(600 * 1024));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var extraction = PngBaker.Extract(bomb);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(extraction.Status, Is.EqualTo(BadgeExtractionStatus.TooLarge));
        Assert.That(extraction.Problem, Does.Contain("decompression bomb"));
        Assert.That(allocated, Is.LessThan(4 * CoreLimits.MaxBakedCredentialBytes + bomb.Length * 2L), "bytes allocated while reading the bomb");
    }

    [Test]
    public void ExtractText_CompressedITxtBomb_IsUnreadableWithReason()
    {
        var bomb = BadgePng(CompressedITxt("{", 64 * 1024 * 1024));

        var text = CredentialInputs.ExtractText(bomb, CancellationToken.None, out var problem);

        Assert.That(text, Is.Null);
        Assert.That(problem, Does.Contain("decompression bomb"));
    }

    [TestCase(0, BadgeExtractionStatus.Found, TestName = "Extract_CompressedTextAtCap_IsRead")]
    [TestCase(1, BadgeExtractionStatus.TooLarge, TestName = "Extract_CompressedTextOnePastCap_IsRefused")]
    public void Extract_CompressedTextAroundCap(int over, BadgeExtractionStatus expected)
    {
        var png = BadgePng(CompressedITxt("{", CoreLimits.MaxBakedCredentialBytes + over));

        Assert.That(PngBaker.Extract(png).Status, Is.EqualTo(expected));
    }

    [TestCase(0, BadgeExtractionStatus.Found, TestName = "Extract_UncompressedTextAtCap_IsRead")]
    [TestCase(1, BadgeExtractionStatus.TooLarge, TestName = "Extract_UncompressedTextOnePastCap_IsRefused")]
    public void Extract_UncompressedTextAroundCap(int over, BadgeExtractionStatus expected)
    {
        var text = "{" + new string(' ', CoreLimits.MaxBakedCredentialBytes - 1 + over);
        var data = Encoding.Latin1.GetBytes("openbadgecredential\0\0\0\0\0").Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        Assert.That(PngBaker.Extract(BadgePng(data)).Status, Is.EqualTo(expected));
    }

    [TestCase(0, BadgeExtractionStatus.NotBaked, TestName = "Extract_ChunksAtCap_AreRead")]
    [TestCase(1, BadgeExtractionStatus.TooLarge, TestName = "Extract_ChunksOnePastCap_AreRefused")]
    public void Extract_ChunkCountAroundCap(int over, BadgeExtractionStatus expected)
    {
        var chunks = PngChunk.Parse(DefaultBadge.Png())!;
        var filler = CoreLimits.MaxPngChunks - chunks.Count + over;
        chunks.InsertRange(1, Enumerable.Range(0, filler).Select(_ => new PngChunk("tEXt", Encoding.Latin1.GetBytes("k\0v"))));

        var extraction = PngBaker.Extract(PngChunk.Write(chunks));

        Assert.That(extraction.Status, Is.EqualTo(expected));
        Assert.That(extraction.Problem, over > 0 ? Does.Contain("chunks") : Is.Null);
    }

    [Test]
    public void Extract_CancelledRequest_Stops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(() => PngBaker.Extract(PngBaker.Bake(DefaultBadge.Png(), BakingSamples.Jwt), cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    /// <summary>iTXt data: keyword, compression flag 1, method 0, empty language and translation, then zlib of <paramref name="length"/> bytes.</summary>
    private static byte[] CompressedITxt(string start, int length)
    {
        using var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
        {
            var head = Encoding.UTF8.GetBytes(start);
            zlib.Write(head);
            var block = new byte[1024 * 1024];
            Array.Fill(block, (byte)' ');
            for (var left = length - head.Length; left > 0; left -= block.Length)
            {
                zlib.Write(block, 0, Math.Min(left, block.Length));
            }
        }
        return Encoding.Latin1.GetBytes("openbadgecredential\0\u0001\0\0\0").Concat(deflated.ToArray()).ToArray();
    }

    private static byte[] BadgePng(byte[] iTxt)
    {
        var chunks = PngChunk.Parse(DefaultBadge.Png())!;
        chunks.Insert(1, new PngChunk("iTXt", iTxt));
        return PngChunk.Write(chunks);
    }
}
