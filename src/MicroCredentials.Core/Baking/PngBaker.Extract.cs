using System.Buffers.Binary;
using System.Text;

namespace MicroCredentials.Baking;

public static partial class PngBaker
{
    /// <summary>
    /// Reads the credential from the first <c>iTXt</c> chunk with keyword <c>openbadgecredential</c>. The chunks are
    /// walked in place (only the badge chunk's text is copied), at most <see cref="CoreLimits.MaxPngChunks"/> of them;
    /// a badge text over <see cref="CoreLimits.MaxBakedCredentialBytes"/> is refused, and a compressed chunk (which
    /// bakers must not write) is inflated through a cap of the same size, never further.
    /// </summary>
    /// <param name="png">The uploaded image.</param>
    /// <param name="cancellationToken">Stops the walk when the requester has gone.</param>
    public static BadgeExtraction Extract(ReadOnlySpan<byte> png, CancellationToken cancellationToken = default)
    {
        if (!png.StartsWith(PngChunk.Signature))
        {
            return Malformed();
        }
        var at = PngChunk.Signature.Length;
        var count = 0;
        (int Start, int Length)? badge = null;
        while (at + 12 <= png.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++count > CoreLimits.MaxPngChunks)
            {
                return TooLarge($"The image has more than {CoreLimits.MaxPngChunks} PNG chunks; a badge has a handful.");
            }
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[at..]);
            if (length > int.MaxValue || at + 12 + (long)length > png.Length)
            {
                return Malformed();
            }
            var typeAndData = png.Slice(at + 4, 4 + (int)length);
            if (Crc32.Compute(typeAndData, []) != BinaryPrimitives.ReadUInt32BigEndian(png[(at + 8 + (int)length)..]))
            {
                return Malformed();
            }
            var type = typeAndData[..4];
            if (count == 1 && !type.SequenceEqual("IHDR"u8))
            {
                return Malformed();
            }
            if (badge is null && type.SequenceEqual("iTXt"u8) && IsBadgeText(typeAndData[4..]))
            {
                badge = (at + 8, (int)length);
            }
            at += 12 + (int)length;
            if (type.SequenceEqual("IEND"u8))
            {
                return count < 2 ? Malformed()
                    : badge is { } b ? ReadText(png.Slice(b.Start, b.Length))
                    : new BadgeExtraction(BadgeExtractionStatus.NotBaked, null);
            }
        }
        return Malformed();
    }

    /// <summary>keyword NUL, compression flag, method, language tag NUL, translated keyword NUL, text (PNG §11.3.4.5).</summary>
    private static BadgeExtraction ReadText(ReadOnlySpan<byte> data)
    {
        var at = BakingTerms.PngKeyword.Length + 1;
        if (data.Length < at + 2)
        {
            return Malformed();
        }
        var compressed = data[at] == 1;
        at += 2;
        var languageEnd = data[at..].IndexOf((byte)0);
        var translatedEnd = languageEnd < 0 ? -1 : data[(at + languageEnd + 1)..].IndexOf((byte)0);
        if (translatedEnd < 0)
        {
            return Malformed();
        }
        var text = data[(at + languageEnd + 1 + translatedEnd + 1)..];
        if (text.Length > CoreLimits.MaxBakedCredentialBytes)
        {
            return TooLarge($"The baked credential is larger than {CoreLimits.MaxBakedCredentialBytes / 1024} KiB; a credential is about 10 KB.");
        }
        if (!compressed)
        {
            return Found(text);
        }
        return CappedInflate.Inflate(text, CoreLimits.MaxBakedCredentialBytes, out var inflated) switch
        {
            CappedInflate.Outcome.Ok => Found(inflated),
            CappedInflate.Outcome.OverCap => TooLarge(
                $"The compressed badge text inflates beyond {CoreLimits.MaxBakedCredentialBytes / 1024} KiB (a decompression bomb); "
                + "Open Badges 3.0 bakers must not compress it."),
            _ => Malformed(),
        };
    }

    private static BadgeExtraction Found(ReadOnlySpan<byte> text) => new(BadgeExtractionStatus.Found, Encoding.UTF8.GetString(text));

    private static BadgeExtraction Malformed() => new(BadgeExtractionStatus.Malformed, null);

    private static BadgeExtraction TooLarge(string problem) => new(BadgeExtractionStatus.TooLarge, null, problem);
}
