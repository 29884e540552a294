using System.Globalization;
using System.Text;

namespace MicroCredentials.Catalog;

/// <summary>
/// Can the certificate draw this text? The certificate fonts (Noto Sans and Noto Serif, src/MicroCredentials.Pdf/Fonts)
/// cover Latin with all its diacritics (Vietnamese included), Greek and Cyrillic. Any other character — Chinese,
/// Japanese, Korean, Arabic, Hebrew, Devanagari and the other Indic scripts, Thai, emoji — would print as an empty box,
/// and the printed text would no longer match the signed credential; so such text is refused at issue, naming the
/// script, until the certificate gets fonts (and, for Arabic, Hebrew, Indic scripts and Thai, text shaping) for it.
/// </summary>
/// <remarks>
/// <see cref="DrawableRanges"/> is the intersection of the fonts' character maps (every style has the same 2 838
/// characters); a test in MicroCredentials.Pdf.Tests reads the fonts and fails when the two disagree.
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

    /// <summary>Whether every certificate font has a glyph for <paramref name="rune"/>.</summary>
    public static bool CanDraw(Rune rune)
    {
        var value = rune.Value;
        var low = 0;
        var high = DrawableRanges.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            var (first, last) = DrawableRanges[mid];
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
                $"{what} contains {shown}(U+{rune.Value:X4}, {ScriptOf(rune)}), which the certificate cannot print yet: its fonts cover Latin, Greek and Cyrillic only, and the character would print as an empty box.");
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
        >= 0x0980 and <= 0x0DFF => "an Indic script",
        >= 0x0E00 and <= 0x0E7F => "Thai script",
        >= 0x1100 and <= 0x11FF or >= 0x3130 and <= 0x318F or >= 0xAC00 and <= 0xD7AF => "Korean (Hangul) script",
        >= 0x3040 and <= 0x30FF or >= 0x31F0 and <= 0x31FF => "Japanese (kana) script",
        >= 0x2E80 and <= 0x2FDF or >= 0x3000 and <= 0x303F or >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF
            or >= 0x20000 and <= 0x3FFFF => "Chinese, Japanese or Korean (CJK) script",
        >= 0x1F000 and <= 0x1FAFF or >= 0x2600 and <= 0x27BF or 0xFE0F or 0x200D => "an emoji or pictograph",
        _ => "a character outside Latin, Greek and Cyrillic",
    };
}
