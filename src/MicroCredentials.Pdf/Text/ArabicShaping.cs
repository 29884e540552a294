using System.Collections.Frozen;
using System.Text;

namespace MicroCredentials.Pdf.Text;

/// <summary>
/// Contextual shaping of Arabic script by Unicode presentation forms: each letter becomes its isolated, final, initial
/// or medial form by whether its neighbours join (Unicode §9.2, ArabicShaping.txt joining types D/R/T/C), and
/// lam + alef becomes the obligatory ligature. The fonts map these code points to the shaped glyphs, so PDFsharp
/// (which does no shaping) draws connected Arabic. The form table is derived from the Unicode compatibility
/// decompositions of the presentation-form blocks (a letter's forms are consecutive: isolated, final, initial, medial),
/// so no hand-copied table can drift.
/// </summary>
internal static class ArabicShaping
{
    private enum Form { Isolated, Final, Initial, Medial }

    private static readonly FrozenDictionary<char, char[]> Forms;
    private static readonly FrozenDictionary<char, char[]> LamAlef;

    static ArabicShaping()
    {
        var forms = new Dictionary<char, char[]>();
        var lamAlef = new Dictionary<char, char[]>();
        // Presentation Forms-B letters (FE80–FEFC) and the Persian/Urdu letters of Forms-A (FB50–FBFF).
        foreach (var (first, last) in new[] { (0xFE80, 0xFEFC), (0xFB50, 0xFBFF) })
        {
            var c = first;
            while (c <= last)
            {
                var base_ = ((char)c).ToString().Normalize(NormalizationForm.FormKC);
                var end = c;
                while (end + 1 <= last && ((char)(end + 1)).ToString().Normalize(NormalizationForm.FormKC) == base_)
                {
                    end++;
                }
                var group = Enumerable.Range(c, end - c + 1).Select(x => (char)x).ToArray();
                if (base_.Length == 1 && group.Length is 2 or 4)
                {
                    forms.TryAdd(base_[0], group);
                }
                else if (base_.Length == 2 && base_[0] == '\u0644' && group.Length == 2)
                {
                    lamAlef.TryAdd(base_[1], group);
                }
                c = end + 1;
            }
        }
        Forms = forms.ToFrozenDictionary();
        LamAlef = lamAlef.ToFrozenDictionary();
    }

    /// <summary>True when <paramref name="text"/> has a character this class shapes.</summary>
    public static bool Applies(string text) => text.Any(c => Forms.ContainsKey(c));

    /// <summary>Replaces Arabic letters by their contextual presentation forms; other characters are unchanged.</summary>
    public static string Shape(string text)
    {
        if (!Applies(text))
        {
            return text;
        }
        var output = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!Forms.TryGetValue(c, out var forms))
            {
                output.Append(c);
                continue;
            }
            var joinsBefore = JoinsForward(Previous(text, i));
            // Lam followed by alef: one ligature glyph (isolated or final).
            if (c == '\u0644' && Next(text, i) is var (alef, at) && LamAlef.TryGetValue(alef, out var ligature))
            {
                output.Append(ligature[joinsBefore ? 1 : 0]);
                output.Append(text, i + 1, at - i - 1); // marks between lam and alef
                i = at;
                continue;
            }
            var joinsAfter = forms.Length == 4 && Next(text, i) is var (next, _) && JoinsBackward(next);
            var form = (joinsBefore, joinsAfter) switch
            {
                (true, true) => Form.Medial,
                (true, false) => Form.Final,
                (false, true) => Form.Initial,
                _ => Form.Isolated,
            };
            output.Append(forms[Math.Min((int)form, forms.Length - 1)]);
        }
        return output.ToString();
    }

    private static bool IsTransparent(char c) => c is >= '\u064B' and <= '\u065F' or '\u0670' or >= '\u06D6' and <= '\u06ED';

    /// <summary>The nearest non-transparent character before <paramref name="i"/>, or null.</summary>
    private static char? Previous(string text, int i)
    {
        for (var j = i - 1; j >= 0; j--)
        {
            if (!IsTransparent(text[j]))
            {
                return text[j];
            }
        }
        return null;
    }

    private static (char Char, int At)? Next(string text, int i)
    {
        for (var j = i + 1; j < text.Length; j++)
        {
            if (!IsTransparent(text[j]))
            {
                return (text[j], j);
            }
        }
        return null;
    }

    // Dual-joining letters and tatweel join the following letter; right-joining ones (alef, dal, reh, waw …) do not.
    private static bool JoinsForward(char? c) => c is '\u0640' || c is { } x && Forms.TryGetValue(x, out var f) && f.Length == 4;

    private static bool JoinsBackward(char c) => c == '\u0640' || Forms.ContainsKey(c);
}
