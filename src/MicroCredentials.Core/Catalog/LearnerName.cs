using System.Globalization;
using System.Text;

namespace MicroCredentials.Catalog;

/// <summary>
/// The rules for a learner's name as printed on the certificate, shared by the CSV reader, the issuance API and the
/// CLI (they all read learners through <see cref="LearnerCsvReader"/>) and checked again before signing.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Leading and trailing white space is trimmed; what is left must not be empty and must hold a letter.</item>
/// <item>The name must be valid Unicode (no lone surrogate halves) and is normalised to NFC, so the same name typed
/// in two ways is stored, signed and compared as one.</item>
/// <item>At most <see cref="CoreLimits.MaxLearnerNameLength"/> characters (Unicode scalar values, after NFC) and at
/// most <see cref="CoreLimits.MaxCombiningMarksInARow"/> combining marks after one character.</item>
/// <item>Refused: control characters (C0 incl. NUL, BEL, ESC; DEL; C1), line and paragraph separators, and the
/// bidirectional controls U+202A–U+202E, U+2066–U+2069, U+200E, U+200F and U+061C — refused rather than isolated, so
/// no name can display reversed ("An ‮slaitnedeR‬" would); any other invisible format character except the
/// zero-width joiner and non-joiner that some scripts need; private-use and unassigned code points (no font draws
/// them); and U+FFFD, the mark of a file that was not saved as UTF-8.</item>
/// </list>
/// </remarks>
public static class LearnerName
{
    private const char ReplacementCharacter = '\uFFFD';

    /// <summary>Checks and normalises a learner's name.</summary>
    /// <param name="raw">The name as given.</param>
    /// <returns>The name to store, or the reason it is refused.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="raw"/> is null.</exception>
    public static LearnerNameCheck Check(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var trimmed = raw.Trim();
        if (trimmed.Length == 0)
        {
            return Refused("the learner's name is empty; it is printed on the certificate.");
        }

        // Cheap first bound: a name within the limit takes at most three UTF-16 units a character, even before NFC composes it.
        if (trimmed.Length > 3 * CoreLimits.MaxLearnerNameLength)
        {
            return TooLong(trimmed.Length);
        }

        if (CharacterProblem(trimmed) is { } problem)
        {
            return Refused(problem);
        }

        var name = trimmed.Normalize(NormalizationForm.FormC);
        var length = name.EnumerateRunes().Count();
        if (length > CoreLimits.MaxLearnerNameLength)
        {
            return TooLong(length);
        }

        if (LongestMarkRun(name) > CoreLimits.MaxCombiningMarksInARow)
        {
            return Refused($"the name stacks more than {CoreLimits.MaxCombiningMarksInARow} accents or other combining marks on one letter.");
        }

        return name.EnumerateRunes().Any(Rune.IsLetter)
            ? new LearnerNameCheck(name, null)
            : Refused("the name holds no letter; give the learner's name as it must appear on the certificate.");
    }

    /// <summary>
    /// A form of untrusted text that is safe to echo in an error message or a terminal: control, bidirectional and
    /// other invisible characters are shown as <c>U+XXXX</c> and long text is cut.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="max">Characters to keep before "…".</param>
    public static string Shown(string text, int max = 60)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder();
        var kept = 0;
        for (var i = 0; i < text.Length; kept++)
        {
            if (kept == max)
            {
                return sb.Append('…').ToString();
            }

            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                sb.Append(CultureInfo.InvariantCulture, $"U+{(int)text[i]:X4}");
                i++;
                continue;
            }

            if (IsInvisible(rune))
            {
                sb.Append(CultureInfo.InvariantCulture, $"U+{rune.Value:X4}");
            }
            else
            {
                sb.Append(text, i, used);
            }

            i += used;
        }

        return sb.ToString();
    }

    /// <summary>Whether text holds a control, bidirectional, format or other character that prints as nothing.</summary>
    /// <param name="text">The text.</param>
    public static bool HasInvisibleCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done || IsInvisible(rune))
            {
                return true;
            }

            i += used;
        }

        return false;
    }

    private static string? CharacterProblem(string name)
    {
        for (var i = 0; i < name.Length;)
        {
            if (Rune.DecodeFromUtf16(name.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                return $"the name holds an invalid character (a lone UTF-16 surrogate U+{(int)name[i]:X4}) at position {i + 1}; the file is damaged or not UTF-8.";
            }

            var at = $"U+{rune.Value:X4} at position {i + 1}";
            var problem = rune.Value switch
            {
                ReplacementCharacter => $"the name holds U+FFFD (�) at position {i + 1}, the mark of a file that was not saved as UTF-8; save the CSV as UTF-8 and check the name.",
                _ when IsBidiControl(rune.Value) => $"the name holds the bidirectional control {at}, which can make it display reversed; remove it.",
                _ => Rune.GetUnicodeCategory(rune) switch
                {
                    UnicodeCategory.Control => $"the name holds the control character {at}; remove it.",
                    UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => $"the name holds a line break ({at}); a name is one line.",
                    UnicodeCategory.Format when rune.Value is not (0x200C or 0x200D) => $"the name holds the invisible format character {at}; remove it.",
                    UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => $"the name holds {at}, which is not a character any font can print.",
                    _ => null,
                },
            };
            if (problem is not null)
            {
                return problem;
            }

            i += used;
        }

        return null;
    }

    /// <summary>U+202A–U+202E (embeddings, overrides), U+2066–U+2069 (isolates), U+200E/U+200F and U+061C (marks).</summary>
    private static bool IsBidiControl(int c) => c is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) or 0x200E or 0x200F or 0x061C;

    private static bool IsInvisible(Rune rune) => IsBidiControl(rune.Value) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control
        or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse
        or UnicodeCategory.OtherNotAssigned;

    private static int LongestMarkRun(string name)
    {
        int longest = 0, run = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            run = Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                ? run + 1
                : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private static LearnerNameCheck TooLong(int length) => Refused(
        $"the name is {length.ToString("N0", CultureInfo.InvariantCulture)} characters long; at most {CoreLimits.MaxLearnerNameLength} fit on the certificate.");

    private static LearnerNameCheck Refused(string problem) => new(null, problem);
}
