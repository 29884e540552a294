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

    /// <summary>Name and function of the signatory printed on certificates.</summary>
    [JsonPropertyName("signatory")] public string? Signatory { get; init; }

    /// <summary>The institution's LinkedIn organisation id (digits), so LinkedIn links the certification to its page; optional.</summary>
    [JsonPropertyName("linkedInOrganizationId")] public string? LinkedInOrganizationId { get; init; }
}
