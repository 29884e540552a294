using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.IO.Compression;

namespace MicroCredentials.Status;

public sealed partial class Bitstring
{
    /// <summary>The multibase prefix of base64url without padding.</summary>
    public const char MultibaseBase64UrlPrefix = 'u';

    /// <summary>
    /// Encodes the list as <c>encodedList</c> (Bitstring Status List §3.3): GZIP (RFC 1952) of the bytes, then
    /// multibase base64url without padding: <c>"u" + base64url(gzip(bytes))</c>.
    /// </summary>
    /// <param name="level">GZIP level; <see cref="CompressionLevel.Optimal"/> by default (see docs/benchmarks.md).</param>
    public string Encode(CompressionLevel level = CompressionLevel.Optimal)
    {
        using var buffer = new MemoryStream(capacity: 1024);
        using (var gzip = new GZipStream(buffer, level, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        var compressed = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        return string.Create(1 + Base64Url.GetEncodedLength(compressed.Length), buffer, static (chars, state) =>
        {
            chars[0] = MultibaseBase64UrlPrefix;
            Base64Url.EncodeToChars(state.GetBuffer().AsSpan(0, (int)state.Length), chars[1..]);
        });
    }

    /// <summary>
    /// Decodes an <c>encodedList</c> (Bitstring Status List §3.4, Bitstring Expansion Algorithm).
    /// </summary>
    /// <param name="encodedList">The multibase base64url string, e.g. <c>uH4sI…</c>.</param>
    /// <param name="minimumBits">
    /// Fewer bits than this is <see cref="BitstringDecodeFailure.TooShort"/>; default <see cref="MinimumLength"/>
    /// (STATUS_LIST_LENGTH_ERROR in §3.2).
    /// </param>
    /// <returns>The bitstring, or the reason it could not be read. Never throws on bad input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="encodedList"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumBits"/> is negative.</exception>
    public static BitstringDecodeResult Decode(string encodedList, int minimumBits = MinimumLength)
    {
        ArgumentNullException.ThrowIfNull(encodedList);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumBits);

        if (encodedList.Length < 2 || encodedList[0] != MultibaseBase64UrlPrefix)
        {
            return BitstringDecodeResult.Fail(BitstringDecodeFailure.NotMultibaseBase64Url,
                "encodedList must start with the multibase prefix 'u' (base64url without padding).");
        }

        byte[] compressed;
        try
        {
            compressed = Base64Url.DecodeFromChars(encodedList.AsSpan(1));
        }
        catch (FormatException)
        {
            return BitstringDecodeResult.Fail(BitstringDecodeFailure.NotMultibaseBase64Url,
                "encodedList is not valid base64url after the 'u' prefix.");
        }

        // RFC 1952 member: 10-byte header starting 1F 8B, deflate data, 8-byte trailer.
        if (compressed.Length < 18 || compressed[0] != 0x1F || compressed[1] != 0x8B)
        {
            return BitstringDecodeResult.Fail(BitstringDecodeFailure.NotGzip, "encodedList does not hold GZIP data.");
        }

        var inflated = Inflate(compressed, out var failure);
        if (inflated is null)
        {
            return failure;
        }

        if (inflated.Length == 0 || (long)inflated.Length * 8 < minimumBits)
        {
            return BitstringDecodeResult.Fail(BitstringDecodeFailure.TooShort,
                $"The list has {(long)inflated.Length * 8} entries; at least {minimumBits} are required.");
        }

        return BitstringDecodeResult.Success(new Bitstring(inflated));
    }

    private static byte[]? Inflate(byte[] compressed, out BitstringDecodeResult failure)
    {
        failure = BitstringDecodeResult.Fail(BitstringDecodeFailure.NotGzip, "encodedList does not hold GZIP data.");

        // ISIZE (the last 4 bytes) is only a hint for the first allocation: an attacker controls it.
        var sizeHint = BinaryPrimitives.ReadUInt32LittleEndian(compressed.AsSpan(^4));
        using var output = new MemoryStream((int)Math.Min(sizeHint, 1024 * 1024));
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using var input = new MemoryStream(compressed, writable: false);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            int read;
            while ((read = gzip.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (output.Length + read > CoreLimits.StatusListInflatedBytes)
                {
                    failure = BitstringDecodeResult.Fail(BitstringDecodeFailure.TooLarge,
                        $"The list inflates to more than {CoreLimits.StatusListInflatedBytes} bytes.");
                    return null;
                }

                output.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return output.Length == output.Capacity ? output.GetBuffer() : output.ToArray();
    }
}
