using System.Text;

namespace MicroCredentials.Pdf.Text;

/// <summary>
/// Which font draws a character: the style's own face (Noto Serif or Noto Sans: Latin, Greek, Cyrillic) unless the
/// character belongs to a script it lacks, which goes to that script's fallback face — shipped in Fonts/ as subsets
/// (see docs/pdf.md). Spaces and punctuation stay in the run they are in, so a name is not cut into many runs (in a
/// shaped script's run only spaces and joiners do: its face lacks the ASCII punctuation).
/// </summary>
internal static class ScriptFonts
{
    /// <summary>Arabic (Noto Naskh Arabic, OFL), shaped right to left with HarfBuzz.</summary>
    public const string Arabic = "Noto Naskh Arabic";

    /// <summary>Hebrew (Noto Sans Hebrew, OFL), shaped right to left.</summary>
    public const string Hebrew = "Noto Sans Hebrew";

    /// <summary>Thai (Noto Sans Thai, OFL), shaped.</summary>
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
    public static bool IsShaped(string? family) => family is Arabic or Hebrew or Thai or Devanagari or Bengali or Gurmukhi or Gujarati
        or Tamil or Telugu or Kannada or Malayalam;

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
    /// One run of a line as it is drawn, the runs of a line coming from left to right.
    /// </summary>
    /// <param name="Text">For a shaped run, its characters in logical order (HarfBuzz orders the glyphs); for another
    /// run, its characters in the order they are drawn (a right-to-left one reversed, brackets mirrored).</param>
    /// <param name="Family">The fallback face, or null for the style's own.</param>
    /// <param name="RightToLeft">A shaped run at an odd bidi level: shaped right to left, its words drawn last first.</param>
    internal readonly record struct DrawnRun(string Text, string? Family, bool RightToLeft);

    /// <summary>
    /// <paramref name="line"/> cut into runs of one face and one direction, in the order they are drawn from left to
    /// right (<see cref="BidiOrder"/>): within a right-to-left level run the script runs come last first.
    /// </summary>
    public static List<DrawnRun> Drawn(string line)
    {
        var drawn = new List<DrawnRun>();
        foreach (var (text, rightToLeft) in BidiOrder.Runs(line))
        {
            var runs = Runs(text);
            if (!rightToLeft)
            {
                drawn.AddRange(runs.Select(r => new DrawnRun(r.Text, r.Family, false)));
                continue;
            }
            for (var i = runs.Count - 1; i >= 0; i--)
            {
                var (run, family) = runs[i];
                drawn.Add(IsShaped(family) ? new DrawnRun(run, family, true) : new DrawnRun(BidiOrder.Reversed(run), family, false));
            }
        }
        return drawn;
    }

    /// <summary>
    /// The line as a reader of the page gets it word by word, left to right (PdfPig with <c>/ActualText</c>; the
    /// certificate reader compares printed values in this form): the words in visual order, a right-to-left word's
    /// characters reversed, as <see cref="Layout.ShapedDrawing"/> writes it for text extractors that put visual order
    /// back into logical order themselves.
    /// </summary>
    public static string Printed(string line) => string.Concat(Drawn(line).Select(r => r.RightToLeft ? ReversedCharacters(r.Text) : r.Text));

    /// <summary><paramref name="text"/> with its characters (code points, marks included) in reverse order.</summary>
    public static string ReversedCharacters(string text)
    {
        var runes = text.EnumerateRunes().ToArray();
        Array.Reverse(runes);
        return string.Concat(runes.Select(r => r.ToString()));
    }
}
