using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MicroCredentials.Model;

/// <summary>
/// OB 3.0 <c>OpenBadgeCredential</c> (alias <c>AchievementCredential</c>) on the W3C VC Data Model 2.0.
/// Serialize it with <see cref="CredentialJson"/>, which omits nulls and empty arrays as OB 3.0 requires.
/// </summary>
public sealed record OpenBadgeCredential
{
    /// <summary>Ordered contexts: VC v2, OB 3.0.3, OB extensions, ours.</summary>
    [JsonPropertyName("@context")] public IReadOnlyList<string> Context { get; init; } = Ob3Terms.CredentialContexts;

    /// <summary>Unguessable credential id (<c>urn:uuid:…</c>).</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary><c>VerifiableCredential</c>, <c>OpenBadgeCredential</c>.</summary>
    [JsonPropertyName("type")] public IReadOnlyList<string> Type { get; init; } = Ob3Terms.CredentialTypes;

    /// <summary>Display name for wallets.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>Display description.</summary>
    [JsonPropertyName("description")] public string? Description { get; init; }

    /// <summary>Credential image.</summary>
    [JsonPropertyName("image")] public Image? Image { get; init; }

    /// <summary>The awarding body.</summary>
    [JsonPropertyName("issuer")] public required Profile Issuer { get; init; }

    /// <summary>Date of issuing (EU Annex I element 5).</summary>
    [JsonPropertyName("validFrom")] public required DateTimeOffset ValidFrom { get; init; }

    /// <summary>Expiry; omitted for micro-credentials that do not expire.</summary>
    [JsonPropertyName("validUntil")] public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>Date of the exam board's award (kept when re-issued).</summary>
    [JsonPropertyName("awardedDate")] public DateTimeOffset? AwardedDate { get; init; }

    /// <summary>The learner and the achievement.</summary>
    [JsonPropertyName("credentialSubject")] public required AchievementSubject CredentialSubject { get; init; }

    /// <summary>Evidence.</summary>
    [JsonPropertyName("evidence")] public IReadOnlyList<Evidence>? Evidence { get; init; }

    /// <summary>JSON Schemas the credential follows.</summary>
    [JsonPropertyName("credentialSchema")] public IReadOnlyList<CredentialSchema>? CredentialSchema { get; init; }

    /// <summary>
    /// Status entries (revocation, suspension). Written as a single object when there is one and as an array
    /// when there are several (VC 2.0 allows both).
    /// </summary>
    [JsonPropertyName("credentialStatus")]
    [JsonConverter(typeof(SingleOrArrayConverter<BitstringStatusListEntry>))]
    public IReadOnlyList<BitstringStatusListEntry>? CredentialStatus { get; init; }

    /// <summary>Embedded Data Integrity proofs, always an array (STANDARDS §1.1).</summary>
    [JsonPropertyName("proof")] public IReadOnlyList<JsonObject>? Proof { get; init; }
}
