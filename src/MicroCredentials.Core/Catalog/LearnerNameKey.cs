using System.Globalization;
using System.Text;

namespace MicroCredentials.Catalog;

/// <summary>
/// The search form of a learner's name: lower case, accents and other marks removed (compatibility decomposition),
/// a few letters without a decomposition folded by hand (ł → l, ø → o, ß → ss, æ → ae …), apostrophes dropped and every
/// other run of non-letters made one space. "Zoë Müller-Brontë" becomes <c>zoe muller bronte</c>, so staff find a
/// learner however they type the accents, the case or the hyphen.
/// </summary>
public static class LearnerNameKey
{
    /// <summary>The search form of a name (empty for a name with no letter or digit).</summary>
    /// <param name="name">The name as printed on the credential, or as staff typed it.</param>
    /// <returns>The key: words of lower-case letters and digits separated by single spaces.</returns>
    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Length > CoreLimits.MaxSearchTextLength * 4 ? name[..(CoreLimits.MaxSearchTextLength * 4)] : name;
        var key = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var rune in text.Normalize(NormalizationForm.FormKD).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                || rune.Value is '\'' or '\u2019' or '\u02BC' or '\u2018' or '`')
            {
                continue;
            }

            if (!Rune.IsLetterOrDigit(rune))
            {
                pendingSpace = key.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                key.Append(' ');
                pendingSpace = false;
            }

            var lower = Rune.ToLowerInvariant(rune);
            key.Append(Folded(lower.Value) ?? lower.ToString());
        }

        return key.ToString();
    }

    /// <summary>The words of a search text, each in its search form, at most <see cref="CoreLimits.MaxSearchWords"/>.</summary>
    /// <param name="text">What staff typed.</param>
    /// <returns>The distinct words, in the order typed.</returns>
    public static IReadOnlyList<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bounded = text.Length > CoreLimits.MaxSearchTextLength ? text[..CoreLimits.MaxSearchTextLength] : text;
        return [.. Of(bounded).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Take(CoreLimits.MaxSearchWords)];
    }

    // Latin letters that have no Unicode decomposition into a base letter and a mark.
    private static string? Folded(int lower) => lower switch
    {
        'ł' => "l",
        'ø' => "o",
        'đ' or 'ð' => "d",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ı' => "i",
        'þ' => "th",
        'ħ' => "h",
        'ŧ' => "t",
        _ => null,
    };
}
