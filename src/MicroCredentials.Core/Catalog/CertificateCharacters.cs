using System.Globalization;
using System.Text;

namespace MicroCredentials.Catalog;

/// <summary>
/// Can the certificate draw this text? The certificate's own faces (Noto Sans and Noto Serif,
/// src/MicroCredentials.Pdf/Fonts) cover Latin with all its diacritics (Vietnamese included), Greek and Cyrillic; fallback
/// faces shipped beside them draw Chinese characters, Japanese kana, Korean Hangul, and — shaped with HarfBuzz — Arabic
/// and Hebrew (right to left: joining, lam-alef, harakat and points placed by the fonts' GPOS), Thai (tone and vowel
/// marks placed by GPOS), Devanagari, Bengali, Gurmukhi, Gujarati, Tamil, Telugu, Kannada and Malayalam (conjuncts,
/// reordered vowel signs) (<see cref="FallbackRanges"/>). Anything else — Odia, Sinhala and other scripts without a
/// shipped face, Hebrew cantillation marks, Quranic annotation signs, emoji — would print wrongly or as an empty box,
/// and the printed text would no longer match the signed credential; so such text is refused at issue, naming the script.
/// </summary>
/// <remarks>
/// <see cref="DrawableRanges"/> is the intersection of the own faces' character maps (every style has the same 2 838
/// characters), <see cref="FallbackRanges"/> the characters each fallback face has; tests in MicroCredentials.Pdf.Tests
/// read the fonts and fail when these lists and the fonts disagree.
/// </remarks>
public static class CertificateCharacters
{
    /// <summary>Code point ranges (inclusive) that every certificate font has a glyph for.</summary>
    public static IReadOnlyList<(int First, int Last)> DrawableRanges { get; } =
    [
        (0x0020, 0x007E), (0x00A0, 0x0377), (0x037A, 0x037F), (0x0384, 0x038A), (0x038C, 0x038C), (0x038E, 0x03A1),
        (0x03A3, 0x03E1), (0x03F0, 0x052F), (0x1AB0, 0x1AC0), (0x1C80, 0x1C88), (0x1D00, 0x1DF9), (0x1DFB, 0x1F15),
        (0x1F18, 0x1F1D), (0x1F20, 0x1F45), (0x1F48, 0x1F4D), (0x1F50, 0x1F57), (0x1F59, 0x1F59), (0x1F5B, 0x1F5B),
        (0x1F5D, 0x1F5D), (0x1F5F, 0x1F7D), (0x1F80, 0x1FB4), (0x1FB6, 0x1FC4), (0x1FC6, 0x1FD3), (0x1FD6, 0x1FDB),
        (0x1FDD, 0x1FEF), (0x1FF2, 0x1FF4), (0x1FF6, 0x1FFE), (0x2000, 0x2064), (0x2066, 0x2071), (0x2074, 0x208E),
        (0x2090, 0x209C), (0x20A0, 0x20BF), (0x20F0, 0x20F0), (0x2100, 0x215F), (0x2184, 0x2184), (0x2189, 0x2189),
        (0x25CC, 0x25CC), (0x2C60, 0x2C7F), (0x2DE0, 0x2E52), (0xA640, 0xA69F), (0xA700, 0xA7BF), (0xA7C2, 0xA7CA),
        (0xA7F5, 0xA7FF), (0xA92E, 0xA92E), (0xAB30, 0xAB6B), (0xFB00, 0xFB06), (0xFE00, 0xFE00), (0xFE20, 0xFE2F),
        (0xFEFF, 0xFEFF), (0xFFFC, 0xFFFD),
    ];

    /// <summary>
    /// Code point ranges (inclusive) drawn by a fallback face, by script: the characters each face has, limited to those
    /// that print correctly: for Hebrew the letters, maqaf, geresh and the vowel points (niqqud, U+05B0–05C7 without the
    /// cantillation marks); for Arabic the letters of Arabic and Persian and the common Urdu ones, digits and the harakat
    /// (U+064B–065F, superscript alef U+0670), placed by the font's GPOS; for Thai the whole block; for the Indic
    /// scripts every character of the script's block that its face has.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<(int First, int Last)>> FallbackRanges { get; } =
        new Dictionary<string, IReadOnlyList<(int First, int Last)>>(StringComparer.Ordinal)
        {
            ["Hebrew"] = [(0x05B0, 0x05BF), (0x05C1, 0x05C2), (0x05C4, 0x05C5), (0x05C7, 0x05C7), (0x05D0, 0x05EA), (0x05F0, 0x05F4)],
            ["Arabic"] =
            [
                (0x060C, 0x060C), (0x061B, 0x061B), (0x061F, 0x061F), (0x0621, 0x063A), (0x0640, 0x0669), (0x0670, 0x0671),
                (0x067E, 0x067E), (0x0686, 0x0686), (0x0698, 0x0698), (0x06A9, 0x06A9), (0x06AF, 0x06AF),
                (0x06CC, 0x06CC),
            ],
            ["Thai"] = [(0x0E01, 0x0E3A), (0x0E3F, 0x0E5B)],
            ["CJK"] =
            [
                (0x3000, 0x3003), (0x3005, 0x3007), (0x300A, 0x3019), (0x301C, 0x301F), (0x3021, 0x3029), (0x3041, 0x3094),
                (0x3099, 0x309E), (0x30A0, 0x30F6), (0x30FB, 0x30FE), (0x4E00, 0x9FA5), (0xFF01, 0xFF5E),
            ],
            ["Hangul"] = [(0x3131, 0x318E), (0xAC00, 0xD7A3)],
            ["Devanagari"] = [(0x0900, 0x097F), (0x1CD0, 0x1CF6), (0x1CF8, 0x1CF9), (0xA8E0, 0xA8FF)],
            ["Bengali"] =
            [
                (0x0980, 0x0983), (0x0985, 0x098C), (0x098F, 0x0990), (0x0993, 0x09A8), (0x09AA, 0x09B0), (0x09B2, 0x09B2),
                (0x09B6, 0x09B9), (0x09BC, 0x09C4), (0x09C7, 0x09C8), (0x09CB, 0x09CE), (0x09D7, 0x09D7), (0x09DC, 0x09DD),
                (0x09DF, 0x09E3), (0x09E6, 0x09FE),
            ],
            ["Gurmukhi"] =
            [
                (0x0A01, 0x0A03), (0x0A05, 0x0A0A), (0x0A0F, 0x0A10), (0x0A13, 0x0A28), (0x0A2A, 0x0A30), (0x0A32, 0x0A33),
                (0x0A35, 0x0A36), (0x0A38, 0x0A39), (0x0A3C, 0x0A3C), (0x0A3E, 0x0A42), (0x0A47, 0x0A48), (0x0A4B, 0x0A4D),
                (0x0A51, 0x0A51), (0x0A59, 0x0A5C), (0x0A5E, 0x0A5E), (0x0A66, 0x0A76),
            ],
            ["Gujarati"] =
            [
                (0x0A81, 0x0A83), (0x0A85, 0x0A8D), (0x0A8F, 0x0A91), (0x0A93, 0x0AA8), (0x0AAA, 0x0AB0), (0x0AB2, 0x0AB3),
                (0x0AB5, 0x0AB9), (0x0ABC, 0x0AC5), (0x0AC7, 0x0AC9), (0x0ACB, 0x0ACD), (0x0AD0, 0x0AD0), (0x0AE0, 0x0AE3),
                (0x0AE6, 0x0AF1), (0x0AF9, 0x0AFF),
            ],
            ["Tamil"] =
            [
                (0x0B82, 0x0B83), (0x0B85, 0x0B8A), (0x0B8E, 0x0B90), (0x0B92, 0x0B95), (0x0B99, 0x0B9A), (0x0B9C, 0x0B9C),
                (0x0B9E, 0x0B9F), (0x0BA3, 0x0BA4), (0x0BA8, 0x0BAA), (0x0BAE, 0x0BB9), (0x0BBE, 0x0BC2), (0x0BC6, 0x0BC8),
                (0x0BCA, 0x0BCD), (0x0BD0, 0x0BD0), (0x0BD7, 0x0BD7), (0x0BE6, 0x0BFA),
            ],
            ["Telugu"] =
            [
                (0x0C00, 0x0C0C), (0x0C0E, 0x0C10), (0x0C12, 0x0C28), (0x0C2A, 0x0C39), (0x0C3D, 0x0C44), (0x0C46, 0x0C48),
                (0x0C4A, 0x0C4D), (0x0C55, 0x0C56), (0x0C58, 0x0C5A), (0x0C60, 0x0C63), (0x0C66, 0x0C6F), (0x0C77, 0x0C7F),
            ],
            ["Kannada"] =
            [
                (0x0C80, 0x0C8C), (0x0C8E, 0x0C90), (0x0C92, 0x0CA8), (0x0CAA, 0x0CB3), (0x0CB5, 0x0CB9), (0x0CBC, 0x0CC4),
                (0x0CC6, 0x0CC8), (0x0CCA, 0x0CCD), (0x0CD5, 0x0CD6), (0x0CDE, 0x0CDE), (0x0CE0, 0x0CE3), (0x0CE6, 0x0CEF),
                (0x0CF1, 0x0CF2),
            ],
            ["Malayalam"] =
            [
                (0x0D00, 0x0D0C), (0x0D0E, 0x0D10), (0x0D12, 0x0D44), (0x0D46, 0x0D48), (0x0D4A, 0x0D4F), (0x0D54, 0x0D63),
                (0x0D66, 0x0D7F),
            ],
        };

    private static readonly (int First, int Last)[] AllFallback =
        [.. FallbackRanges.Values.SelectMany(r => r).OrderBy(r => r.First)];

    /// <summary>Whether a certificate face draws <paramref name="rune"/> (the own faces or a script fallback).</summary>
    public static bool CanDraw(Rune rune) => InRanges(DrawableRanges, rune.Value) || InRanges(AllFallback, rune.Value);

    private static bool InRanges(IReadOnlyList<(int First, int Last)> ranges, int value)
    {
        var low = 0;
        var high = ranges.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            var (first, last) = ranges[mid];
            if (value < first)
            {
                high = mid - 1;
            }
            else if (value > last)
            {
                low = mid + 1;
            }
            else
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Why <paramref name="text"/> cannot be printed on the certificate (the first character the fonts lack, with its
    /// script), or null when it can.
    /// </summary>
    /// <param name="text">The text as it would be printed (after NFC).</param>
    /// <param name="what">What the text is, for the message: "the name", "the title".</param>
    public static string? Problem(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || CanDraw(rune))
            {
                continue;
            }
            var shown = Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark ? string.Empty : rune + " ";
            return string.Create(CultureInfo.InvariantCulture,
                $"{what} contains {shown}(U+{rune.Value:X4}, {ScriptOf(rune)}), which the certificate cannot print yet: its fonts draw Latin, Greek, Cyrillic, Hebrew, Arabic, Thai, Chinese, Japanese, Korean, Devanagari, Bengali, Gurmukhi, Gujarati, Tamil, Telugu, Kannada and Malayalam, and this character would print as an empty box or wrongly shaped.");
        }
        return null;
    }

    /// <summary>A name for the script or kind of <paramref name="rune"/>, for messages.</summary>
    public static string ScriptOf(Rune rune) => rune.Value switch
    {
        >= 0x0590 and <= 0x05FF or >= 0xFB1D and <= 0xFB4F => "Hebrew script",
        >= 0x0600 and <= 0x06FF or >= 0x0750 and <= 0x077F or >= 0x0870 and <= 0x08FF or >= 0xFB50 and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF
            => "Arabic script",
        >= 0x0900 and <= 0x097F or >= 0xA8E0 and <= 0xA8FF => "Devanagari script",
        >= 0x0B00 and <= 0x0B7F => "Odia script",
        >= 0x0D80 and <= 0x0DFF => "Sinhala script",
        >= 0x0980 and <= 0x0D7F => "an Indic script",
        >= 0x0E00 and <= 0x0E7F => "Thai script",
        >= 0x1100 and <= 0x11FF or >= 0x3130 and <= 0x318F or >= 0xAC00 and <= 0xD7AF => "Korean (Hangul) script",
        >= 0x3040 and <= 0x30FF or >= 0x31F0 and <= 0x31FF => "Japanese (kana) script",
        >= 0x2E80 and <= 0x2FDF or >= 0x3000 and <= 0x303F or >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF
            or >= 0x20000 and <= 0x3FFFF => "Chinese, Japanese or Korean (CJK) script",
        >= 0x1F000 and <= 0x1FAFF or >= 0x2600 and <= 0x27BF or 0xFE0F or 0x200D => "an emoji or pictograph",
        _ => "a character the certificate fonts lack",
    };
}
