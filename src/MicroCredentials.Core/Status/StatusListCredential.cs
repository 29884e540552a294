using System.Text.Json.Nodes;

namespace MicroCredentials.Status;

/// <summary>
/// A <c>BitstringStatusListCredential</c> read from JSON (Bitstring Status List §2.2), with its list decoded.
/// Its proof is not checked here: <see cref="StatusChecker"/> hands <see cref="Document"/> to the proof verifier.
/// </summary>
/// <remarks>Instances may be shared by <see cref="StatusListClient"/>'s cache: <see cref="List"/> is frozen and
/// <see cref="Document"/> must not be modified (pass a <c>DeepClone()</c> to code that might).</remarks>
public sealed partial record StatusListCredential
{
    /// <summary>The credential as received, proof included.</summary>
    public required JsonObject Document { get; init; }

    /// <summary>Its <c>id</c>, if any.</summary>
    public string? Id { get; init; }

    /// <summary>Its issuer id (<c>issuer</c> or <c>issuer.id</c>), if any.</summary>
    public string? Issuer { get; init; }

    /// <summary>The subject's <c>statusPurpose</c> values (one or more).</summary>
    public required IReadOnlyList<string> StatusPurposes { get; init; }

    /// <summary><c>validFrom</c>, if present.</summary>
    public DateTimeOffset? ValidFrom { get; init; }

    /// <summary><c>validUntil</c>, if present.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>The subject's <c>ttl</c> (time to live, milliseconds on the wire), if present.</summary>
    public TimeSpan? Ttl { get; init; }

    /// <summary>The decoded list (read-only).</summary>
    public required Bitstring List { get; init; }
}
