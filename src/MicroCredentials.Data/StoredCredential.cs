namespace MicroCredentials.Data;

/// <summary>A credential as stored, with its current revocation and suspension state.</summary>
public sealed record StoredCredential
{
    /// <summary>The credential's <c>id</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The handle in the verification link.</summary>
    public required string Handle { get; init; }

    /// <summary>The short human-typable code.</summary>
    public required string ShortCode { get; init; }

    /// <summary>The idempotency key it was issued under, or <see langword="null"/> (also once superseded: the key moves to the correction).</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The learner row, or <see langword="null"/>.</summary>
    public long? LearnerId { get; init; }

    /// <summary>The achievement's <c>id</c>.</summary>
    public required string AchievementId { get; init; }

    /// <summary>The catalogue version, or <see langword="null"/>.</summary>
    public string? CatalogueVersion { get; init; }

    /// <summary>The signed credential as JSON.</summary>
    public required string CredentialJson { get; init; }

    /// <summary>The VC-JWT, or <see langword="null"/>.</summary>
    public string? Jwt { get; init; }

    /// <summary>When it was issued.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>When the achievement was awarded, or <see langword="null"/>.</summary>
    public DateTimeOffset? AwardedAt { get; init; }

    /// <summary>Its status list positions.</summary>
    public required StatusAllocation Status { get; init; }

    /// <summary>When it was revoked, or <see langword="null"/> while it is not.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Why it was revoked, or <see langword="null"/>.</summary>
    public string? RevocationReason { get; init; }

    /// <summary>Whether it is currently suspended.</summary>
    public bool IsSuspended { get; init; }

    /// <summary>The id of the credential it corrects, or <see langword="null"/>.</summary>
    public string? Supersedes { get; init; }

    /// <summary>The id of the credential that corrects it, or <see langword="null"/>.</summary>
    public string? SupersededBy { get; init; }

    /// <summary>The learner's name as this credential states it, or <see langword="null"/> when it names none.</summary>
    public string? LearnerName { get; init; }

    /// <summary>Whether it is revoked (irreversible).</summary>
    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Its one state: superseded before revoked (a correction revokes what it replaces), revoked before suspended.</summary>
    public CredentialState State =>
        SupersededBy is not null ? CredentialState.Superseded
        : IsRevoked ? CredentialState.Revoked
        : IsSuspended ? CredentialState.Suspended
        : CredentialState.Valid;
}
