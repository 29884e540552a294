using System.IO.Compression;

namespace MicroCredentials.Baking;

/// <summary>Inflates zlib data into at most a given number of bytes: a decompression bomb stops at the cap.</summary>
internal static class CappedInflate
{
    /// <summary>How inflating ended.</summary>
    public enum Outcome
    {
        /// <summary>The whole stream inflated within the cap.</summary>
        Ok,

        /// <summary>The stream holds more than the cap; reading stopped there.</summary>
        OverCap,

        /// <summary>Not valid zlib data.</summary>
        Invalid,
    }

    /// <summary>Inflates <paramref name="zlib"/>, reading at most <paramref name="cap"/> + 1 bytes of output.</summary>
    public static Outcome Inflate(ReadOnlySpan<byte> zlib, int cap, out byte[] output)
    {
        output = [];
        var buffer = new byte[Math.Min(cap + 1, Math.Max(4096, zlib.Length * 4))];
        var count = 0;
        try
        {
            using var inflate = new ZLibStream(new MemoryStream(zlib.ToArray()), CompressionMode.Decompress);
            int read;
            while ((read = inflate.Read(buffer, count, buffer.Length - count)) > 0)
            {
                count += read;
                if (count > cap)
                {
                    return Outcome.OverCap;
                }
                if (count == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min(cap + 1L, buffer.Length * 2L));
                }
            }
        }
        catch (InvalidDataException)
        {
            return Outcome.Invalid;
        }
        output = buffer[..count];
        return Outcome.Ok;
    }
}
