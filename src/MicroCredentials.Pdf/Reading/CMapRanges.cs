namespace MicroCredentials.Pdf;

/// <summary>
/// Finds the code ranges of a CMap (ISO 32000-2 §9.7.5, Adobe TN 5014/5099: <c>beginbfrange</c> and
/// <c>begincidrange</c> sections of <c>&lt;lo&gt; &lt;hi&gt; …</c> entries) in the bytes of a stream and says whether
/// they stay within <see cref="PdfLimits.MaxCMapRangeCodes"/> each and <see cref="PdfLimits.MaxCMapTotalCodes"/> in all.
/// Linear in the bytes; a range it cannot read is left to the PDF library, which fails on it without expanding it.
/// </summary>
internal static class CMapRanges
{
    private static readonly byte[] BeginCMap = "begincmap"u8.ToArray();
    private static readonly byte[] BeginBfRange = "beginbfrange"u8.ToArray();
    private static readonly byte[] BeginCidRange = "begincidrange"u8.ToArray();
    private static readonly byte[] EndBfRange = "endbfrange"u8.ToArray();
    private static readonly byte[] EndCidRange = "endcidrange"u8.ToArray();

    /// <summary>Whether <paramref name="data"/> holds a CMap program at all.</summary>
    public static bool IsCMap(ReadOnlySpan<byte> data) => data.IndexOf(BeginCMap) >= 0;

    /// <summary>Null when every range of the CMap in <paramref name="data"/> is within bounds; otherwise one plain sentence why not.</summary>
    public static string? Check(ReadOnlySpan<byte> data)
    {
        var total = 0L;
        foreach (var (begin, end) in new[] { (BeginBfRange, EndBfRange), (BeginCidRange, EndCidRange) })
        {
            var rest = data;
            int at;
            while ((at = rest.IndexOf(begin)) >= 0)
            {
                rest = rest[(at + begin.Length)..];
                var close = rest.IndexOf(end);
                var section = close < 0 ? rest : rest[..close];
                if (CheckSection(section, ref total) is { } problem)
                {
                    return problem;
                }

                rest = close < 0 ? [] : rest[(close + end.Length)..];
            }
        }

        return null;
    }

    // Entries are "<lo> <hi> destination"; a destination is a hex string, a number or an array of hex strings. Only the
    // first two hex strings after each destination matter, so the section is read as a sequence of hex strings and
    // arrays, pairing the hex strings that stand outside arrays.
    private static string? CheckSection(ReadOnlySpan<byte> section, ref long total)
    {
        ulong? low = null;
        var expectDestination = false;
        var at = 0;
        while (at < section.Length)
        {
            switch (section[at])
            {
                case (byte)'[':
                    var closeArray = section[at..].IndexOf((byte)']');
                    at = closeArray < 0 ? section.Length : at + closeArray + 1;
                    expectDestination = false;
                    continue;
                case (byte)'<':
                    var closeHex = section[(at + 1)..].IndexOf((byte)'>');
                    if (closeHex < 0)
                    {
                        return null;
                    }

                    var hex = section.Slice(at + 1, closeHex);
                    at += closeHex + 2;
                    if (expectDestination)
                    {
                        expectDestination = false;
                        continue;
                    }

                    if (!TryCode(hex, out var code))
                    {
                        // Longer than eight bytes or not hex: PdfPig cannot expand it either.
                        low = null;
                        continue;
                    }

                    if (low is not { } lo)
                    {
                        low = code;
                        continue;
                    }

                    low = null;
                    expectDestination = true;
                    var span = code >= lo ? code - lo + 1 : ulong.MaxValue;
                    if (span > PdfLimits.MaxCMapRangeCodes)
                    {
                        return $"A font's character map spans {(span == ulong.MaxValue ? "a reversed range of" : span.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))} codes in one range; "
                            + $"a certificate's fonts map a few hundred (at most {PdfLimits.MaxCMapRangeCodes:N0} are read).";
                    }

                    total += (long)span;
                    if (total > PdfLimits.MaxCMapTotalCodes)
                    {
                        return $"A font's character map spans more than {PdfLimits.MaxCMapTotalCodes:N0} codes in all; a certificate's fonts map a few hundred.";
                    }

                    continue;
                case >= (byte)'0' and <= (byte)'9' when low is null && !expectDestination:
                    // A number outside an entry: the entry count before the section's first range. Skip it.
                    while (at < section.Length && section[at] is >= (byte)'0' and <= (byte)'9')
                    {
                        at++;
                    }

                    continue;
                case >= (byte)'0' and <= (byte)'9' when expectDestination:
                    // A CID destination (cidrange).
                    while (at < section.Length && section[at] is >= (byte)'0' and <= (byte)'9')
                    {
                        at++;
                    }

                    expectDestination = false;
                    continue;
                default:
                    at++;
                    continue;
            }
        }

        return null;
    }

    private static bool TryCode(ReadOnlySpan<byte> hex, out ulong code)
    {
        code = 0;
        var digits = 0;
        foreach (var b in hex)
        {
            var value = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' => -1,
                _ => -2,
            };
            if (value == -2 || (value >= 0 && ++digits > 16))
            {
                return false;
            }

            if (value >= 0)
            {
                code = (code << 4) | (uint)value;
            }
        }

        return digits > 0;
    }
}
