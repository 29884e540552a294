using System.IO.Compression;

namespace MicroCredentials.Pdf;

/// <summary>
/// A raw pass over an uploaded PDF before any PDF library parses it, so that the library never meets a bomb: it
/// counts streams, bounds the nesting of arrays and dictionaries, inflates every stream through a cap into a
/// counting sink (only the first <see cref="PdfLimits.MaxCMapScanBytes"/> are kept, to check a font's character map
/// with <see cref="CMapRanges"/>). Linear in the file plus the capped inflated bytes; the request's cancellation
/// token is checked between streams and while inflating.
/// </summary>
internal static class PdfPreflight
{
    private static readonly byte[] StreamKeyword = "stream"u8.ToArray();
    private static readonly byte[] EndStreamKeyword = "endstream"u8.ToArray();

    /// <summary>Null when <paramref name="file"/> is within <see cref="PdfLimits"/>; otherwise one plain sentence why not.</summary>
    public static string? Check(byte[] file, CancellationToken cancellationToken)
    {
        ReadOnlySpan<byte> pdf = file;
        if (pdf.Length > PdfLimits.MaxPdfBytes)
        {
            return $"The PDF is larger than {PdfLimits.MaxPdfBytes / 1024 / 1024} MiB; a certificate is about 100 KB.";
        }
        var streams = 0;
        var inflatedTotal = 0L;
        var depth = 0;
        var at = 0;
        var buffer = new byte[64 * 1024];
        using var afterHeader = new MemoryStream();
        using var fromStart = new MemoryStream();
        while (at < pdf.Length)
        {
            switch (pdf[at])
            {
                case (byte)'%':
                    at = SkipLine(pdf, at);
                    continue;
                case (byte)'(':
                    at = SkipLiteralString(pdf, at);
                    continue;
                case (byte)'/':
                    // The filter is looked for as a name in the objects, #xx escapes decoded — never in stream data,
                    // where compressed bytes spell "/LZW" now and then by chance (a genuine certificate was refused so).
                    if (IsLzwName(pdf, at))
                    {
                        return LzwProblem;
                    }
                    at++;
                    continue;
                case (byte)'[':
                case (byte)'<' when at + 1 < pdf.Length && pdf[at + 1] == '<':
                    if (++depth > PdfLimits.MaxNestingDepth)
                    {
                        return $"The PDF nests arrays or dictionaries deeper than {PdfLimits.MaxNestingDepth} levels; a certificate nests a few.";
                    }
                    at += pdf[at] == '[' ? 1 : 2;
                    continue;
                case (byte)']':
                case (byte)'>' when at + 1 < pdf.Length && pdf[at + 1] == '>':
                    depth = Math.Max(0, depth - 1);
                    at += pdf[at] == ']' ? 1 : 2;
                    continue;
                case (byte)'s' when IsStreamKeyword(pdf, at):
                    cancellationToken.ThrowIfCancellationRequested();
                    if (++streams > PdfLimits.MaxStreams)
                    {
                        return $"The PDF has more than {PdfLimits.MaxStreams} streams; a certificate has about 30.";
                    }
                    var data = DataStart(pdf, at + StreamKeyword.Length);
                    var inflated = InflatedLength(file, data, buffer, afterHeader, fromStart, cancellationToken);
                    inflatedTotal += inflated;
                    if (inflated > PdfLimits.MaxStreamInflatedBytes)
                    {
                        return $"A stream in the PDF inflates beyond {PdfLimits.MaxStreamInflatedBytes / 1024 / 1024} MiB (a decompression bomb); it was not read further.";
                    }
                    if (inflatedTotal > PdfLimits.MaxTotalInflatedBytes)
                    {
                        return $"The PDF's streams inflate beyond {PdfLimits.MaxTotalInflatedBytes / 1024 / 1024} MiB together; a certificate needs far less.";
                    }
                    // Stream data is binary: brackets in it are not structure. Resume after its endstream.
                    var end = pdf[data..].IndexOf(EndStreamKeyword);
                    var raw = pdf[data..(end < 0 ? pdf.Length : data + end)];
                    if (CharacterMapProblem(raw, afterHeader, fromStart) is { } cmap)
                    {
                        return cmap;
                    }
                    at = end < 0 ? pdf.Length : data + end + EndStreamKeyword.Length;
                    continue;
                default:
                    at++;
                    continue;
            }
        }
        return null;
    }

    /// <summary>
    /// How many bytes the stream whose data starts at offset <paramref name="data"/> of <paramref name="file"/> inflates to, counted up to one past the per-stream
    /// cap. Deflate is read after the two zlib header bytes, as PDF readers do, and also from the first byte; whatever
    /// is not deflate data ends at once.
    /// </summary>
    private static long InflatedLength(byte[] file, int data, byte[] buffer, MemoryStream afterHeader, MemoryStream fromStart,
        CancellationToken cancellationToken) =>
        Math.Max(Inflate(file, data + 2, buffer, afterHeader, cancellationToken), Inflate(file, data, buffer, fromStart, cancellationToken));

    // The stream's bytes as stored and as inflated (both ways) are each checked when they hold a CMap program.
    private static string? CharacterMapProblem(ReadOnlySpan<byte> raw, MemoryStream afterHeader, MemoryStream fromStart)
    {
        var stored = raw.Length <= PdfLimits.MaxCMapScanBytes ? raw : raw[..PdfLimits.MaxCMapScanBytes];
        return Problem(stored) ?? Problem(afterHeader.GetBuffer().AsSpan(0, (int)afterHeader.Length))
            ?? Problem(fromStart.GetBuffer().AsSpan(0, (int)fromStart.Length));

        static string? Problem(ReadOnlySpan<byte> bytes) => CMapRanges.IsCMap(bytes) ? CMapRanges.Check(bytes) : null;
    }

    private static long Inflate(byte[] data, int offset, byte[] buffer, MemoryStream kept, CancellationToken cancellationToken)
    {
        kept.SetLength(0);
        if (data.Length <= offset)
        {
            return 0;
        }
        var count = 0L;
        try
        {
            using var inflate = new DeflateStream(new MemoryStream(data, offset, data.Length - offset, writable: false), CompressionMode.Decompress);
            int read;
            while ((read = inflate.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (kept.Length < PdfLimits.MaxCMapScanBytes)
                {
                    kept.Write(buffer, 0, (int)Math.Min(read, PdfLimits.MaxCMapScanBytes - kept.Length));
                }

                count += read;
                if (count > PdfLimits.MaxStreamInflatedBytes)
                {
                    break;
                }
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        catch (InvalidDataException)
        {
            // Not (or no longer) deflate data: what was inflated so far is what a reader would get.
        }
        return count;
    }

    private const string LzwProblem = "The PDF uses LZW compression, which certificates never use and which cannot be read within bounds.";

    /// <summary>Whether the name at <paramref name="at"/> (a <c>/</c>) begins with <c>LZW</c> once its <c>#xx</c> escapes are decoded (ISO 32000-2 §7.3.5).</summary>
    private static bool IsLzwName(ReadOnlySpan<byte> pdf, int at)
    {
        ReadOnlySpan<byte> wanted = "LZW"u8;
        var matched = 0;
        for (var i = at + 1; i < pdf.Length && matched < wanted.Length && IsRegular(pdf[i]); i++)
        {
            var b = pdf[i];
            if (b == '#' && i + 2 < pdf.Length && IsHex(pdf[i + 1]) && IsHex(pdf[i + 2]))
            {
                b = (byte)((HexValue(pdf[i + 1]) << 4) | HexValue(pdf[i + 2]));
                i += 2;
            }
            if (b != wanted[matched++])
            {
                return false;
            }
        }
        return matched == wanted.Length;

        static bool IsHex(byte h) => h is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';
        static int HexValue(byte h) => h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10;
    }

    private static bool IsStreamKeyword(ReadOnlySpan<byte> pdf, int at) =>
        pdf[at..].StartsWith(StreamKeyword)
        && (at == 0 || !IsRegular(pdf[at - 1]))
        && at + StreamKeyword.Length < pdf.Length && pdf[at + StreamKeyword.Length] is (byte)'\r' or (byte)'\n';

    private static int DataStart(ReadOnlySpan<byte> pdf, int at)
    {
        if (at < pdf.Length && pdf[at] == '\r')
        {
            at++;
        }
        if (at < pdf.Length && pdf[at] == '\n')
        {
            at++;
        }
        return at;
    }

    private static bool IsRegular(byte b) => b > 32 && b is not ((byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']'
        or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%');

    private static int SkipLine(ReadOnlySpan<byte> pdf, int at)
    {
        var end = pdf[at..].IndexOfAny((byte)'\r', (byte)'\n');
        return end < 0 ? pdf.Length : at + end + 1;
    }

    /// <summary>Skips a literal string with balanced parentheses and backslash escapes (ISO 32000-2 §7.3.4.2).</summary>
    private static int SkipLiteralString(ReadOnlySpan<byte> pdf, int at)
    {
        var open = 0;
        for (; at < pdf.Length; at++)
        {
            switch (pdf[at])
            {
                case (byte)'\\':
                    at++;
                    break;
                case (byte)'(':
                    open++;
                    break;
                case (byte)')' when --open == 0:
                    return at + 1;
            }
        }
        return at;
    }
}
