using MicroCredentials.Data.Issuance;
using Microsoft.Extensions.Localization;

namespace MicroCredentials.Host.Components.Pages.Verify;

/// <summary>
/// What was probably mistyped in a short code that leads nowhere: its length, a letter codes never contain, or how we
/// read it (O as 0, I and L as 1). Never a neighbouring existing code: that would let anyone walk the codes.
/// </summary>
internal static class CodeHints
{
    /// <summary>The hints for <paramref name="typed"/>, in the page language.</summary>
    public static IReadOnlyList<string> For(string typed, IStringLocalizer<SiteTexts> t)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(t);
        var letters = typed.Count(char.IsAsciiLetterOrDigit);
        var hints = new List<string>();
        if (letters != 12)
        {
            hints.Add(t["NotFound.Length", letters]);
        }

        if (typed.Contains('U', StringComparison.OrdinalIgnoreCase))
        {
            hints.Add(t["NotFound.Letter"]);
        }

        if (CredentialHandles.NormalizeShortCode(typed) is { } read)
        {
            hints.Add(t["NotFound.ReadAs", read]);
            hints.Add(t["NotFound.LookAlike"]);
        }

        return hints;
    }
}
