using System.Buffers.Binary;
using System.Text;

namespace MicroCredentials.Baking;

/// <summary>One PNG chunk (PNG spec §5.3): type and data; length and CRC are computed when written.</summary>
/// <param name="Type">Four-letter chunk type, e.g. <c>IHDR</c>, <c>iTXt</c>.</param>
/// <param name="Data">Chunk data.</param>
internal sealed record PngChunk(string Type, byte[] Data)
{
    /// <summary>The 8-byte PNG signature.</summary>
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// Splits a PNG file into chunks; null when it is not a well-formed PNG (signature, lengths, CRCs, IEND) or has
    /// more than <see cref="CoreLimits.MaxPngChunks"/> chunks.
    /// </summary>
    public static List<PngChunk>? Parse(ReadOnlySpan<byte> png)
    {
        if (!png.StartsWith(Signature))
        {
            return null;
        }
        var chunks = new List<PngChunk>();
        var at = Signature.Length;
        while (at + 12 <= png.Length)
        {
            if (chunks.Count >= CoreLimits.MaxPngChunks)
            {
                return null;
            }
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[at..]);
            if (length > int.MaxValue || at + 12 + (long)length > png.Length)
            {
                return null;
            }
            var typeAndData = png.Slice(at + 4, 4 + (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png[(at + 8 + (int)length)..]);
            if (Crc32.Compute(typeAndData, []) != crc)
            {
                return null;
            }
            var chunk = new PngChunk(Encoding.ASCII.GetString(typeAndData[..4]), typeAndData[4..].ToArray());
            chunks.Add(chunk);
            at += 12 + (int)length;
            if (chunk.Type == "IEND")
            {
                return chunks.Count > 1 && chunks[0].Type == "IHDR" ? chunks : null;
            }
        }
        return null;
    }

    /// <summary>Writes the PNG signature and <paramref name="chunks"/>.</summary>
    public static byte[] Write(IEnumerable<PngChunk> chunks)
    {
        using var output = new MemoryStream();
        output.Write(Signature);
        Span<byte> word = stackalloc byte[4];
        foreach (var chunk in chunks)
        {
            var type = Encoding.ASCII.GetBytes(chunk.Type);
            BinaryPrimitives.WriteUInt32BigEndian(word, (uint)chunk.Data.Length);
            output.Write(word);
            output.Write(type);
            output.Write(chunk.Data);
            BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Compute(type, chunk.Data));
            output.Write(word);
        }
        return output.ToArray();
    }
}
