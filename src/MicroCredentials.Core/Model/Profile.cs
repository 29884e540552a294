using System.Text.Json.Serialization;

namespace MicroCredentials.Model;

/// <summary>OB 3.0 <c>Profile</c>: the issuer (awarding body) of a credential (OB 3.0 §B.1.20).</summary>
public sealed record Profile
{
    /// <summary>The issuer's identifier; for us a <c>did:web</c> (DESIGN §4).</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>Always contains <c>Profile</c>.</summary>
    [JsonPropertyName("type")] public IReadOnlyList<string> Type { get; init; } = ["Profile"];

    /// <summary>Name of the awarding body (EU Annex I element 4).</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>Home page of the awarding body.</summary>
    [JsonPropertyName("url")] public string? Url { get; init; }

    /// <summary>Contact e-mail.</summary>
    [JsonPropertyName("email")] public string? Email { get; init; }

    /// <summary>Short description.</summary>
    [JsonPropertyName("description")] public string? Description { get; init; }

    /// <summary>Logo.</summary>
    [JsonPropertyName("image")] public Image? Image { get; init; }

    /// <summary>Postal address; its country code is EU Annex I element 3.</summary>
    [JsonPropertyName("address")] public Address? Address { get; init; }

    /// <summary>Other identifiers such as the Belgian enterprise number.</summary>
    [JsonPropertyName("otherIdentifier")] public IReadOnlyList<IdentifierEntry>? OtherIdentifier { get; init; }

    /// <summary>The parent organisation (e.g. the university of the academy).</summary>
    [JsonPropertyName("parentOrg")] public Profile? ParentOrg { get; init; }
}
