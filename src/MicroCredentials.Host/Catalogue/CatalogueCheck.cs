using MicroCredentials.Catalog;
using MicroCredentials.Host.Components.Staff;
using Microsoft.Extensions.Localization;

namespace MicroCredentials.Host.Catalogue;

/// <summary>One message of the live check, translated, with the form field it belongs to (null: shown above the form).</summary>
/// <param name="Field">The form field (<c>title.nl</c>), or null.</param>
/// <param name="Message">The message of <c>catalog check</c> in the page's language.</param>
public sealed record CatalogueCheck(string? Field, string Message)
{
    /// <summary>Translates <paramref name="errors"/> (their <c>Catalogue.Check.*</c> keys) and places each at its field.</summary>
    internal static IReadOnlyList<CatalogueCheck> Of(IEnumerable<CatalogError> errors, Func<CatalogError, string?> fieldOf, IStringLocalizer<StaffTexts> s) =>
        [.. errors.Select(e => new CatalogueCheck(fieldOf(e), Translate(e, s)))];

    /// <summary>The error's message in the page's language; the English message when its key has no resource.</summary>
    internal static string Translate(CatalogError error, IStringLocalizer<StaffTexts> s)
    {
        var text = s[error.Key, [.. error.Arguments]];
        return text.ResourceNotFound ? error.Message : text.Value;
    }
}
