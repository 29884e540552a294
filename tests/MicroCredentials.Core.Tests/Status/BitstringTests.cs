using System.Buffers.Text;
using System.IO.Compression;
using System.Text.Json.Nodes;
using MicroCredentials.Core.Tests.Support;
using MicroCredentials.Status;

namespace MicroCredentials.Core.Tests.Status;

public sealed class BitstringTests
{
    // STANDARDS §4.2 / Bitstring Status List §2.2 example: 16,384 zero bytes.
    private const string SpecAllZeroList = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA";

    [Test]
    public void Constructor_Default_Has131072ClearBits()
    {
        var list = new Bitstring();

        Assert.That(list.Length, Is.EqualTo(131_072));
        Assert.That(list.CountSetBits(), Is.Zero);
    }

    [TestCase(131_071, TestName = "Constructor_OneBitShort_Throws")]
    [TestCase(131_076, TestName = "Constructor_NotMultipleOf8_Throws")]
    [TestCase(0, TestName = "Constructor_Zero_Throws")]
    [TestCase(int.MaxValue - 7, TestName = "Constructor_Above16MiB_Throws")]
    public void Constructor_BadLength_Throws(int length) =>
        Assert.That(() => new Bitstring(length), Throws.TypeOf<ArgumentOutOfRangeException>());

    [TestCase(0, 0, 0x80)]
    [TestCase(7, 0, 0x01)]
    [TestCase(8, 1, 0x80)]
    [TestCase(23, 2, 0x01)]
    [TestCase(131_071, 16_383, 0x01)]
    public void Set_Index_SetsMostSignificantBitFirst(int index, int expectedByte, int expectedValue)
    {
        var list = new Bitstring();

        list.Set(index, true);

        Assert.That(list.Bytes[expectedByte], Is.EqualTo(expectedValue));
        Assert.That(list.CountSetBits(), Is.EqualTo(1));
        Assert.That(list.Get(index), Is.True);
    }

    [Test]
    public void Set_False_ClearsOnlyThatBit()
    {
        var list = new Bitstring();
        list.Set(9, true);
        list.Set(10, true);

        list.Set(9, false);

        Assert.That(list.SetIndexes(), Is.EqualTo(new[] { 10 }));
    }

    [TestCase(-1)]
    [TestCase(131_072)]
    public void GetAndSet_OutOfRange_Throw(int index)
    {
        var list = new Bitstring();

        Assert.That(() => list.Get(index), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => list.Set(index, true), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Decode_SpecExample_Is16384ZeroBytes()
    {
        var result = Bitstring.Decode(SpecAllZeroList);

        Assert.That(result.Succeeded, Is.True, result.Detail);
        Assert.That(result.Bitstring!.Length, Is.EqualTo(131_072));
        Assert.That(result.Bitstring.CountSetBits(), Is.Zero);
    }

    [Test]
    public void Decode_ValidatorSample_HasOnlyBit23()
    {
        var path = Path.Combine(RepositoryPaths.Standards, "ob3", "samples", "validator-bitstring-status-list-credential.json");
        var encoded = (string)JsonNode.Parse(File.ReadAllText(path))!["credentialSubject"]!["encodedList"]!;

        var result = Bitstring.Decode(encoded);

        Assert.That(result.Succeeded, Is.True, result.Detail);
        Assert.That(result.Bitstring!.SetIndexes(), Is.EqualTo(new[] { 23 }));
        Assert.That(result.Bitstring.Bytes[2], Is.EqualTo(0x01));
    }

    [Test]
    public void Encode_AllZero_StartsWithMultibaseGzipHeaderAndHasNoPadding()
    {
        var encoded = new Bitstring().Encode();

        Assert.That(encoded, Does.StartWith("uH4sI"));
        Assert.That(encoded, Does.Not.Contain("=").And.Not.Contain("+").And.Not.Contain("/"));
    }

    [TestCase(CompressionLevel.Optimal)]
    [TestCase(CompressionLevel.SmallestSize)]
    [TestCase(CompressionLevel.Fastest)]
    public void EncodeDecode_SomeBits_RoundTrips(CompressionLevel level)
    {
        var list = new Bitstring(262_144);
        int[] indexes = [0, 1, 23, 4_096, 131_071, 131_072, 262_143];
        foreach (var index in indexes)
        {
            list.Set(index, true);
        }

        var decoded = Bitstring.Decode(list.Encode(level));

        Assert.That(decoded.Succeeded, Is.True, decoded.Detail);
        Assert.That(decoded.Bitstring!.Length, Is.EqualTo(262_144));
        Assert.That(decoded.Bitstring.SetIndexes(), Is.EqualTo(indexes));
    }

    [TestCase("", TestName = "Decode_Empty_NotMultibaseBase64Url")]
    [TestCase("u", TestName = "Decode_PrefixOnly_NotMultibaseBase64Url")]
    [TestCase("zH4sIAAAAAAAAA", TestName = "Decode_Base58Prefix_NotMultibaseBase64Url")]
    [TestCase("H4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA", TestName = "Decode_NoPrefix_NotMultibaseBase64Url")]
    [TestCase("uH4sI*AAAAAAA", TestName = "Decode_CharacterOutsideAlphabet_NotMultibaseBase64Url")]
    public void Decode_NotMultibase_Fails(string encoded) =>
        Assert.That(Bitstring.Decode(encoded).Failure, Is.EqualTo(BitstringDecodeFailure.NotMultibaseBase64Url));

    [Test]
    public void Decode_ZlibInsteadOfGzip_NotGzip()
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal))
        {
            zlib.Write(new byte[16_384]);
        }

        Assert.That(Bitstring.Decode("u" + Base64Url.EncodeToString(buffer.ToArray())).Failure, Is.EqualTo(BitstringDecodeFailure.NotGzip));
    }

    [Test]
    public void Decode_CorruptDeflateData_NotGzip()
    {
        var bytes = Base64Url.DecodeFromChars(new Bitstring().Encode().AsSpan(1));
        for (var i = 10; i < bytes.Length - 8; i++)
        {
            bytes[i] = 0xFF;
        }

        var result = Bitstring.Decode("u" + Base64Url.EncodeToString(bytes));

        Assert.That(result.Failure, Is.EqualTo(BitstringDecodeFailure.NotGzip));
        Assert.That(result.Bitstring, Is.Null);
    }

    [Test]
    public void Decode_8KiBList_TooShort()
    {
        var result = Bitstring.Decode(Gzip(new byte[8_192]));

        Assert.That(result.Failure, Is.EqualTo(BitstringDecodeFailure.TooShort));
        Assert.That(result.Detail, Does.Contain("65536"));
    }

    [Test]
    public void Decode_8KiBListWithLowerMinimum_Succeeds()
    {
        var result = Bitstring.Decode(Gzip(new byte[8_192]), minimumBits: 65_536);

        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.Bitstring!.Length, Is.EqualTo(65_536));
    }

    [Test]
    public void Decode_InflatesBeyond16MiB_TooLarge()
    {
        // ~17 KB of GZIP that would inflate to 17 MiB: the decompression bomb guard stops at 16 MiB.
        var result = Bitstring.Decode(Gzip(new byte[17 * 1024 * 1024]));

        Assert.That(result.Failure, Is.EqualTo(BitstringDecodeFailure.TooLarge));
    }

    [Test]
    public void Decode_Exactly16MiB_Succeeds()
    {
        var result = Bitstring.Decode(Gzip(new byte[Bitstring.MaximumByteLength]));

        Assert.That(result.Succeeded, Is.True, result.Detail);
        Assert.That(result.Bitstring!.Length, Is.EqualTo(Bitstring.MaximumByteLength * 8));
    }

    [Test]
    public void Set_OnFrozenList_ThrowsButCloneIsWritable()
    {
        var frozen = Bitstring.Decode(new Bitstring().Encode()).Bitstring!.Freeze();

        Assert.That(() => frozen.Set(1, true), Throws.InvalidOperationException);
        var copy = frozen.Clone();
        copy.Set(1, true);
        Assert.That(copy.Get(1), Is.True);
        Assert.That(frozen.Get(1), Is.False);
    }

    internal static string Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return "u" + Base64Url.EncodeToString(buffer.ToArray());
    }
}
