using MicroCredentials.Catalog;

namespace MicroCredentials.Host.Catalogue;

/// <summary>
/// The catalogue form of the institution (the issuer block): name, address, contact, signatory with the function per
/// language (nl, en, fr), LinkedIn organisation id; the logo is uploaded beside it.
/// </summary>
public sealed class CatalogueIssuerForm
{
    /// <summary>The single-valued fields, in the order of the form.</summary>
    public static readonly IReadOnlyList<string> SingleFields =
        ["name", "url", "email", "streetAddress", "postalCode", "locality", "region", "country", "countryCode", "registrationNumber", "signatory", "linkedInOrganizationId"];

    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    /// <summary>The revision the form was opened on.</summary>
    public int BaseRevision { get; private init; }

    /// <summary>The raw value of a field ("" when empty).</summary>
    public string this[string field] => values.GetValueOrDefault(field, string.Empty);

    /// <summary>Every field name of the form.</summary>
    public static IEnumerable<string> AllFields() => SingleFields.Concat(LocalizedText.CertificateLanguages.Select(l => $"signatoryTitle.{l}"));

    /// <summary>The form of the stored issuer block.</summary>
    public static CatalogueIssuerForm FromDefinition(IssuerProfileDefinition d, int revision)
    {
        var form = new CatalogueIssuerForm { BaseRevision = revision };
        var json = System.Text.Json.JsonSerializer.SerializeToNode(d)!.AsObject();
        foreach (var field in SingleFields)
        {
            form.values[field] = json[field]?.GetValue<string>() ?? string.Empty;
        }

        foreach (var language in LocalizedText.CertificateLanguages)
        {
            form.values[$"signatoryTitle.{language}"] = d.SignatoryTitle?.GetValueOrDefault(language) ?? string.Empty;
        }

        return form;
    }

    /// <summary>Reads a posted form; null when it is beyond the form bounds.</summary>
    public static CatalogueIssuerForm? FromForm(IFormCollection posted)
    {
        if (posted.Count > HostLimits.CatalogueMaxFormFields)
        {
            return null;
        }

        _ = int.TryParse(posted["baseRevision"].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var revision);
        var form = new CatalogueIssuerForm { BaseRevision = revision };
        foreach (var name in AllFields())
        {
            var value = posted[name].ToString().Trim();
            if (value.Length > HostLimits.CatalogueFieldMaxLength)
            {
                return null;
            }

            form.values[name] = value;
        }

        return form;
    }

    /// <summary>The issuer block the form describes, with <paramref name="logo"/> (a data: URI or null).</summary>
    public IssuerProfileDefinition ToDefinition(string? logo)
    {
        var titles = LocalizedText.CertificateLanguages.Where(l => this[$"signatoryTitle.{l}"].Length > 0).ToDictionary(l => l, l => this[$"signatoryTitle.{l}"]);
        return new IssuerProfileDefinition
        {
            Name = this["name"],
            Url = Optional("url"),
            Email = Optional("email"),
            CountryCode = this["countryCode"],
            Country = Optional("country"),
            Region = Optional("region"),
            Locality = Optional("locality"),
            StreetAddress = Optional("streetAddress"),
            PostalCode = Optional("postalCode"),
            RegistrationNumber = Optional("registrationNumber"),
            Signatory = Optional("signatory"),
            SignatoryTitle = titles.Count == 0 ? null : titles,
            LinkedInOrganizationId = Optional("linkedInOrganizationId"),
            Logo = logo,
        };
    }

    /// <summary>The form field that shows <paramref name="error"/>, or null.</summary>
    public static string? FieldOf(CatalogError error)
    {
        var field = error.Language is { } language ? $"{error.Element}.{language}" : error.Element;
        return AllFields().Contains(field) || field == "logo" ? field : null;
    }

    private string? Optional(string field) => this[field] is { Length: > 0 } v ? v : null;
}
