using System.Text.Json.Serialization;

namespace MicroCredentials.Catalog;

/// <summary>The awarding body as the catalogue describes it (Annex I 3 and 4). Its id comes from the public base URL.</summary>
public sealed record IssuerProfileDefinition
{
    /// <summary>Official name, e.g. "Nova Academy – Universiteit Nova".</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>Home page.</summary>
    [JsonPropertyName("url")] public string? Url { get; init; }

    /// <summary>Contact e-mail for questions about certificates.</summary>
    [JsonPropertyName("email")] public string? Email { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code (Annex I 3).</summary>
    [JsonPropertyName("countryCode")] public required string CountryCode { get; init; }

    /// <summary>Country name.</summary>
    [JsonPropertyName("country")] public string? Country { get; init; }

    /// <summary>Region, e.g. "Vlaanderen".</summary>
    [JsonPropertyName("region")] public string? Region { get; init; }

    /// <summary>City.</summary>
    [JsonPropertyName("locality")] public string? Locality { get; init; }

    /// <summary>Street and number.</summary>
    [JsonPropertyName("streetAddress")] public string? StreetAddress { get; init; }

    /// <summary>Postal code.</summary>
    [JsonPropertyName("postalCode")] public string? PostalCode { get; init; }

    /// <summary>Belgian enterprise (KBO) number or another registration number.</summary>
    [JsonPropertyName("registrationNumber")] public string? RegistrationNumber { get; init; }

    /// <summary>
    /// Name of the signatory printed on certificates, optionally followed by ", function" (used in every language
    /// unless <see cref="SignatoryTitle"/> gives the function per language).
    /// </summary>
    [JsonPropertyName("signatory")] public string? Signatory { get; init; }

    /// <summary>
    /// The signatory's function per certificate language (<c>{"nl": "academisch directeur", "en": "Academic Director",
    /// "fr": "directeur académique"}</c>); required, in every language of <see cref="LocalizedText.CertificateLanguages"/>,
    /// when <see cref="Signatory"/> names a function.
    /// </summary>
    [JsonPropertyName("signatoryTitle")] public IReadOnlyDictionary<string, string>? SignatoryTitle { get; init; }

    /// <summary>"Name, function" of the signatory for a certificate in <paramref name="language"/>; null without a signatory.</summary>
    /// <param name="language">The certificate language key.</param>
    public string? SignatoryFor(string language)
    {
        if (string.IsNullOrWhiteSpace(Signatory))
        {
            return null;
        }
        var comma = Signatory.IndexOf(',', StringComparison.Ordinal);
        var name = (comma < 0 ? Signatory : Signatory[..comma]).Trim();
        var title = LocalizedText.Pick(SignatoryTitle, language) ?? (comma < 0 ? null : Signatory[(comma + 1)..].Trim());
        return string.IsNullOrWhiteSpace(title) ? name : $"{name}, {title}";
    }

    /// <summary>The institution's LinkedIn organisation id (digits), so LinkedIn links the certification to its page; optional.</summary>
    [JsonPropertyName("linkedInOrganizationId")] public string? LinkedInOrganizationId { get; init; }

    /// <summary>
    /// The institution's logo as a <c>data:image/png;base64,…</c> or <c>data:image/jpeg;base64,…</c> URI (see
    /// <see cref="LogoImage"/>); optional. The verification and graduate pages show it beside the institution's name.
    /// </summary>
    [JsonPropertyName("logo")] public string? Logo { get; init; }
}
