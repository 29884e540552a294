using System.Text.Json.Serialization;

namespace MicroCredentials.Model;

/// <summary>OB 3.0 <c>Address</c>.</summary>
public sealed record Address
{
    /// <summary>Always contains <c>Address</c>.</summary>
    [JsonPropertyName("type")] public IReadOnlyList<string> Type { get; init; } = ["Address"];

    /// <summary>Country name.</summary>
    [JsonPropertyName("addressCountry")] public string? AddressCountry { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code (EU Annex I element 3).</summary>
    [JsonPropertyName("addressCountryCode")] public string? AddressCountryCode { get; init; }

    /// <summary>Region (e.g. <c>Vlaanderen</c>).</summary>
    [JsonPropertyName("addressRegion")] public string? AddressRegion { get; init; }

    /// <summary>City.</summary>
    [JsonPropertyName("addressLocality")] public string? AddressLocality { get; init; }

    /// <summary>Street and number.</summary>
    [JsonPropertyName("streetAddress")] public string? StreetAddress { get; init; }

    /// <summary>Postal code.</summary>
    [JsonPropertyName("postalCode")] public string? PostalCode { get; init; }
}
