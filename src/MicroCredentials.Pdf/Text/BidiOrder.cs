using System.Globalization;
using System.Text;

namespace MicroCredentials.Pdf.Text;

/// <summary>
/// Visual order of one line for left-to-right drawing: a bounded subset of the Unicode Bidirectional Algorithm
/// (UAX #9) enough for names, titles and sentences that mix Hebrew or Arabic with Latin and digits —
/// paragraph level from the first strong character (P2–P3), numbers as left-to-right runs (W1–W7 simplified),
/// neutrals between two runs of one direction take it, others the paragraph's (N1–N2), reversal of levels
/// (L2, on whole runs: HarfBuzz orders the glyphs within a shaped right-to-left run) and mirrored brackets in
/// right-to-left runs that are not shaped (L4). Explicit embeddings and isolates (LRE, RLI …) are not
/// interpreted: issuance text has none. Linear in the line's length.
/// </summary>
internal static class BidiOrder
{
    private enum Kind { Left, Right, Number, Neutral, Mark }


    /// <summary>True when <paramref name="text"/> contains a right-to-left character.</summary>
    public static bool HasRightToLeft(string text) => text.Any(c => KindOf(c) == Kind.Right);

    /// <summary>
    /// The line cut into runs of one direction, in the order they appear from left to right; each run's text stays in
    /// logical order (a right-to-left run is shaped right to left by HarfBuzz, or reversed by <see cref="Reversed"/>).
    /// A line without right-to-left characters is one left-to-right run.
    /// </summary>
    public static List<(string Text, bool RightToLeft)> Runs(string line)
    {
        if (!HasRightToLeft(line))
        {
            return [(line, false)];
        }
        var clusters = new List<string>();
        var elements = StringInfo.GetTextElementEnumerator(line);
        while (elements.MoveNext())
        {
            clusters.Add(elements.GetTextElement());
        }
        var kinds = clusters.Select(c => KindOf(c[0])).ToArray();
        var paragraphRtl = kinds.FirstOrDefault(k => k is Kind.Left or Kind.Right) == Kind.Right;
        var baseLevel = paragraphRtl ? 1 : 0;
        var levels = new int[clusters.Count];
        for (var i = 0; i < kinds.Length; i++)
        {
            levels[i] = kinds[i] switch
            {
                Kind.Left => paragraphRtl ? 2 : 0,
                Kind.Right => 1,
                // Numbers read left to right: one level above a right-to-left context (W2, I1–I2).
                Kind.Number => paragraphRtl || PrecedingStrong(kinds, i) == Kind.Right ? 2 : 0,
                _ => -1,
            };
        }
        // Neutrals: between two runs of the same direction they take it; otherwise the paragraph's (N1–N2).
        for (var i = 0; i < levels.Length; i++)
        {
            if (levels[i] >= 0)
            {
                continue;
            }
            var end = i;
            while (end < levels.Length && levels[end] < 0)
            {
                end++;
            }
            var before = i > 0 ? levels[i - 1] % 2 : baseLevel;
            var after = end < levels.Length ? levels[end] % 2 : baseLevel;
            var level = before != after ? baseLevel : before == 1 ? 1 : paragraphRtl ? 2 : 0;
            Array.Fill(levels, level, i, end - i);
            i = end - 1;
        }
        // Level runs in logical order, then L2 on whole runs: from the highest level down to 1, reverse every sequence
        // of runs at or above it (within a run the order is left to the shaping).
        var runs = new List<(string Text, int Level)>();
        var text = new StringBuilder();
        for (var i = 0; i < clusters.Count; i++)
        {
            text.Append(clusters[i]);
            if (i == clusters.Count - 1 || levels[i + 1] != levels[i])
            {
                runs.Add((text.ToString(), levels[i]));
                text.Clear();
            }
        }
        for (var level = levels.Max(); level >= 1; level--)
        {
            for (var i = 0; i < runs.Count; i++)
            {
                if (runs[i].Level < level)
                {
                    continue;
                }
                var end = i;
                while (end < runs.Count && runs[end].Level >= level)
                {
                    end++;
                }
                runs.Reverse(i, end - i);
                i = end - 1;
            }
        }
        return runs.Select(r => (r.Text, r.Level % 2 == 1)).ToList();
    }

    /// <summary>
    /// Right-to-left text that is not shaped (brackets, punctuation in the style's face) in the order it is drawn from
    /// left to right: grapheme clusters reversed, brackets mirrored (L4).
    /// </summary>
    public static string Reversed(string text)
    {
        var clusters = new List<string>();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            clusters.Add(elements.GetTextElement());
        }
        var output = new StringBuilder(text.Length);
        for (var i = clusters.Count - 1; i >= 0; i--)
        {
            output.Append(clusters[i].Length == 1 ? Mirror(clusters[i][0]) : clusters[i]);
        }
        return output.ToString();
    }

    private static Kind PrecedingStrong(Kind[] kinds, int i)
    {
        for (var j = i - 1; j >= 0; j--)
        {
            if (kinds[j] is Kind.Left or Kind.Right)
            {
                return kinds[j];
            }
        }
        return Kind.Left;
    }

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;

    private static char Mirror(char c) => c switch
    {
        '(' => ')', ')' => '(', '[' => ']', ']' => '[', '{' => '}', '}' => '{', '<' => '>', '>' => '<', '«' => '»', '»' => '«',
        _ => c,
    };

    private static Kind KindOf(char c)
    {
        if (c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFC')
        {
            return IsMark(c) ? Kind.Mark : c is >= '\u0660' and <= '\u0669' or >= '\u06F0' and <= '\u06F9' ? Kind.Number : Kind.Right;
        }
        if (char.IsDigit(c))
        {
            return Kind.Number;
        }
        if (IsMark(c))
        {
            return Kind.Mark;
        }
        return char.IsLetter(c) || char.IsSurrogate(c) ? Kind.Left : Kind.Neutral;
    }
}
