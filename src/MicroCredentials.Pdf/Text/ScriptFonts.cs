using System.Text;

namespace MicroCredentials.Pdf.Text;

/// <summary>
/// Which font draws a character: the style's own face (Noto Serif or Noto Sans: Latin, Greek, Cyrillic) unless the
/// character belongs to a script it lacks, which goes to that script's fallback face — shipped in Fonts/ as subsets
/// (see docs/pdf.md). Spaces and punctuation stay in the run they are in, so a name is not cut into many runs.
/// </summary>
internal static class ScriptFonts
{
    /// <summary>Arabic (Noto Naskh Arabic, OFL).</summary>
    public const string Arabic = "Noto Naskh Arabic";

    /// <summary>Hebrew (Noto Sans Hebrew, OFL).</summary>
    public const string Hebrew = "Noto Sans Hebrew";

    /// <summary>Thai (Noto Sans Thai, OFL).</summary>
    public const string Thai = "Noto Sans Thai";

    /// <summary>Chinese characters, kana and CJK punctuation (Droid Sans Fallback subset, Apache 2.0).</summary>
    public const string Cjk = "Droid Sans Fallback";

    /// <summary>Hangul (a subset of NanumGothic, OFL, renamed as the OFL asks of modified versions).</summary>
    public const string Hangul = "MC Hangul";

    /// <summary>Devanagari (Noto Sans Devanagari, OFL), shaped with HarfBuzz.</summary>
    public const string Devanagari = "Noto Sans Devanagari";

    /// <summary>Bengali (Noto Sans Bengali, OFL), shaped.</summary>
    public const string Bengali = "Noto Sans Bengali";

    /// <summary>Gurmukhi (Noto Sans Gurmukhi, OFL), shaped.</summary>
    public const string Gurmukhi = "Noto Sans Gurmukhi";

    /// <summary>Gujarati (Noto Sans Gujarati, OFL), shaped.</summary>
    public const string Gujarati = "Noto Sans Gujarati";

    /// <summary>Tamil (Noto Sans Tamil, OFL), shaped.</summary>
    public const string Tamil = "Noto Sans Tamil";

    /// <summary>Telugu (Noto Sans Telugu, OFL), shaped.</summary>
    public const string Telugu = "Noto Sans Telugu";

    /// <summary>Kannada (Noto Sans Kannada, OFL), shaped.</summary>
    public const string Kannada = "Noto Sans Kannada";

    /// <summary>Malayalam (Noto Sans Malayalam, OFL), shaped.</summary>
    public const string Malayalam = "Noto Sans Malayalam";

    /// <summary>
    /// Whether runs of <paramref name="family"/> are shaped with HarfBuzz and drawn as glyph ids
    /// (<see cref="Layout.ShapedDrawing"/>), rather than drawn character by character by PDFsharp.
    /// </summary>
    public static bool IsShaped(string? family) => family is Devanagari or Bengali or Gurmukhi or Gujarati or Tamil or Telugu
        or Kannada or Malayalam;

    /// <summary>The fallback family of <paramref name="c"/>, or null when the style's own face draws it.</summary>
    public static string? FallbackFor(int c) => c switch
    {
        >= 0x0900 and <= 0x097F or >= 0x1CD0 and <= 0x1CFF or >= 0xA8E0 and <= 0xA8FF => Devanagari,
        >= 0x0980 and <= 0x09FF => Bengali,
        >= 0x0A00 and <= 0x0A7F => Gurmukhi,
        >= 0x0A80 and <= 0x0AFF => Gujarati,
        >= 0x0B80 and <= 0x0BFF => Tamil,
        >= 0x0C00 and <= 0x0C7F => Telugu,
        >= 0x0C80 and <= 0x0CFF => Kannada,
        >= 0x0D00 and <= 0x0D7F => Malayalam,
        >= 0x0590 and <= 0x05FF or >= 0xFB1D and <= 0xFB4F => Hebrew,
        >= 0x0600 and <= 0x06FF or >= 0x0750 and <= 0x077F or >= 0xFB50 and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF => Arabic,
        >= 0x0E00 and <= 0x0E7F => Thai,
        >= 0x1100 and <= 0x11FF or >= 0x3130 and <= 0x318F or >= 0xAC00 and <= 0xD7AF => Hangul,
        >= 0x3000 and <= 0x30FF or >= 0x31F0 and <= 0x31FF or >= 0x4E00 and <= 0x9FFF or >= 0xFF01 and <= 0xFF60 => Cjk,
        _ => null,
    };

    /// <summary>True when some character of <paramref name="text"/> needs a fallback face.</summary>
    public static bool NeedsFallback(string text)
    {
        foreach (var c in text)
        {
            if (c >= 0x0590 && FallbackFor(c) is not null)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Splits <paramref name="text"/> into runs of one face (null: the style's own).</summary>
    public static List<(string Text, string? Family)> Runs(string text)
    {
        var runs = new List<(string Text, string? Family)>();
        var current = new StringBuilder();
        string? family = null;
        var started = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var neutral = IsShaped(family)
                // A shaped face has its block, spaces and the joiners, not the ASCII punctuation: that goes to the style's face.
                ? rune.Value is ' ' or 0xA0 or 0x200B or 0x200C or 0x200D
                : Rune.IsWhiteSpace(rune) || Rune.IsPunctuation(rune) && rune.Value < 0x2E00 || Rune.GetUnicodeCategory(rune)
                    is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.Format;
            var wanted = neutral && started ? family : FallbackFor(rune.Value);
            if (started && wanted != family && current.Length > 0)
            {
                runs.Add((current.ToString(), family));
                current.Clear();
            }
            family = wanted;
            started = true;
            current.Append(rune.ToString());
        }
        if (current.Length > 0)
        {
            runs.Add((current.ToString(), family));
        }
        return runs;
    }

    /// <summary>
    /// The characters as they are drawn, left to right: Arabic shaped to presentation forms, then the line put in
    /// visual order (<see cref="BidiOrder"/>). The certificate reader compares printed values in this form.
    /// </summary>
    public static string Printed(string line) => BidiOrder.Visual(ArabicShaping.Shape(line));
}
