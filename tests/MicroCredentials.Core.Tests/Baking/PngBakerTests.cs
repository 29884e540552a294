using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using MicroCredentials.Baking;

namespace MicroCredentials.Core.Tests.Baking;

public sealed class PngBakerTests
{
    [TestCase(BakingSamples.Json, false, TestName = "Bake_Json_ExtractsSameJson")]
    [TestCase(BakingSamples.Jwt, true, TestName = "Bake_Jwt_ExtractsSameJwt")]
    public void Bake_Credential_ExtractsSameCredential(string credential, bool isJwt)
    {
        var baked = PngBaker.Bake(DefaultBadge.Png(), credential);

        var extraction = PngBaker.Extract(baked);

        Assert.That(extraction.Status, Is.EqualTo(BadgeExtractionStatus.Found));
        Assert.That(extraction.Credential, Is.EqualTo(credential));
        Assert.That(extraction.IsJwt, Is.EqualTo(isJwt));
    }

    [Test]
    public void Bake_Json_WritesOneUncompressedITxtChunkAfterIhdr()
    {
        var chunks = PngChunk.Parse(PngBaker.Bake(DefaultBadge.Png(), BakingSamples.Json))!;

        Assert.That(chunks.Select(c => c.Type), Is.EqualTo(new[] { "IHDR", "iTXt", "IDAT", "IEND" }));
        var data = chunks[1].Data;
        var prefix = Encoding.Latin1.GetBytes("openbadgecredential\0\0\0\0\0");
        Assert.That(data.Take(prefix.Length), Is.EqualTo(prefix), "keyword, NUL, flag 0, method 0, empty language, empty translation");
        Assert.That(Encoding.UTF8.GetString(data, prefix.Length, data.Length - prefix.Length), Is.EqualTo(BakingSamples.Json));
    }

    [Test]
    public void Bake_AlreadyBaked_ReplacesInsteadOfAddingSecondChunk()
    {
        var once = PngBaker.Bake(DefaultBadge.Png(), BakingSamples.Json);

        var twice = PngBaker.Bake(once, BakingSamples.Jwt);

        Assert.That(PngChunk.Parse(twice)!.Count(c => c.Type == "iTXt"), Is.EqualTo(1));
        Assert.That(PngBaker.Extract(twice).Credential, Is.EqualTo(BakingSamples.Jwt));
    }

    [Test]
    public void Bake_KeepsImageChunksUnchanged()
    {
        var original = PngChunk.Parse(DefaultBadge.Png())!;

        var baked = PngChunk.Parse(PngBaker.Bake(DefaultBadge.Png(), BakingSamples.Jwt))!;

        Assert.That(baked.Where(c => c.Type != "iTXt").Select(c => (c.Type, Convert.ToHexString(c.Data))),
            Is.EqualTo(original.Select(c => (c.Type, Convert.ToHexString(c.Data)))));
    }

    [Test]
    public void Extract_UnbakedPng_ReturnsNotBaked()
    {
        Assert.That(PngBaker.Extract(DefaultBadge.Png()).Status, Is.EqualTo(BadgeExtractionStatus.NotBaked));
    }

    [Test]
    public void Extract_NotAPng_ReturnsMalformed()
    {
        Assert.That(PngBaker.Extract(Encoding.UTF8.GetBytes("<svg/>")).Status, Is.EqualTo(BadgeExtractionStatus.Malformed));
    }

    [Test]
    public void Extract_CorruptedChunkCrc_ReturnsMalformed()
    {
        var baked = PngBaker.Bake(DefaultBadge.Png(), BakingSamples.Jwt);
        baked[40] ^= 0xFF; // inside the iTXt chunk, so its CRC no longer matches

        Assert.That(PngBaker.Extract(baked).Status, Is.EqualTo(BadgeExtractionStatus.Malformed));
    }

    [Test]
    public void Extract_TruncatedPng_ReturnsMalformed()
    {
        var baked = PngBaker.Bake(DefaultBadge.Png(), BakingSamples.Jwt);

        Assert.That(PngBaker.Extract(baked.AsSpan(0, baked.Length - 20)).Status, Is.EqualTo(BadgeExtractionStatus.Malformed));
    }

    [Test]
    public void Extract_CompressedChunkFromAnotherBaker_IsStillRead()
    {
        using var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(Encoding.UTF8.GetBytes(BakingSamples.Json));
        }
        var data = Encoding.Latin1.GetBytes("openbadgecredential\0\u0001\0\0\0").Concat(deflated.ToArray()).ToArray();
        var chunks = PngChunk.Parse(DefaultBadge.Png())!;
        chunks.Insert(1, new PngChunk("iTXt", data));

        Assert.That(PngBaker.Extract(PngChunk.Write(chunks)).Credential, Is.EqualTo(BakingSamples.Json));
    }

    [Test]
    public void Bake_NotAPng_Throws()
    {
        Assert.That(() => PngBaker.Bake(Encoding.UTF8.GetBytes("GIF89a"), BakingSamples.Jwt), Throws.ArgumentException);
    }

    [TestCase("")]
    [TestCase("hello world")]
    [TestCase("a.b")]
    public void Bake_NotACredential_Throws(string credential)
    {
        Assert.That(() => PngBaker.Bake(DefaultBadge.Png(), credential), Throws.ArgumentException);
    }

    [Test]
    public void DefaultBadge_Png_IsA256SquareRgbaImage()
    {
        var header = PngChunk.Parse(DefaultBadge.Png())![0];

        Assert.That(header.Type, Is.EqualTo("IHDR"));
        Assert.That(BinaryPrimitives.ReadUInt32BigEndian(header.Data), Is.EqualTo(256));
        Assert.That(BinaryPrimitives.ReadUInt32BigEndian(header.Data.AsSpan(4)), Is.EqualTo(256));
        Assert.That((header.Data[8], header.Data[9]), Is.EqualTo(((byte)8, (byte)6)));
    }
}
