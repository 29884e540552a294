namespace MicroCredentials.Data;

/// <summary>A freshly signed credential to persist with <see cref="CredentialStore.InsertIssuedAsync"/>.</summary>
public sealed record IssuedCredentialRecord
{
    /// <summary>The credential's <c>id</c> (a URL or <c>urn:uuid:</c>); primary key.</summary>
    public required string Id { get; init; }

    /// <summary>The unguessable handle in the verification link <c>/v/{handle}</c>; unique.</summary>
    public required string Handle { get; init; }

    /// <summary>The short human-typable code printed under the QR code; unique.</summary>
    public required string ShortCode { get; init; }

    /// <summary>
    /// Caller-chosen key that makes issuance idempotent (for example learner + achievement + catalogue version), or
    /// <see langword="null"/>. A second insert with the same key returns <see cref="StoreOutcome.AlreadyIssued"/>.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The learner row from <see cref="CredentialStore.UpsertLearnerAsync"/>, or <see langword="null"/>.</summary>
    public long? LearnerId { get; init; }

    /// <summary>The achievement's <c>id</c>.</summary>
    public required string AchievementId { get; init; }

    /// <summary>The catalogue version the credential was built from, or <see langword="null"/>.</summary>
    public string? CatalogueVersion { get; init; }

    /// <summary>The signed credential as JSON (with its Data Integrity proof).</summary>
    public required string CredentialJson { get; init; }

    /// <summary>
    /// The learner's name as the signed credential states it (its plain <c>name</c> identifier, taken from the model the
    /// credential was signed from), or <see langword="null"/> to have the store read it from <see cref="CredentialJson"/>.
    /// Saves parsing every freshly signed credential again on insert.
    /// </summary>
    public string? LearnerName { get; init; }

    /// <summary>The same credential as a VC-JWT (compact serialization), or <see langword="null"/>.</summary>
    public string? Jwt { get; init; }

    /// <summary>When the credential was issued (its <c>validFrom</c>).</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>When the achievement was awarded (for example the exam board's date), or <see langword="null"/>.</summary>
    public DateTimeOffset? AwardedAt { get; init; }

    /// <summary>The status list positions from <see cref="CredentialStore.AllocateStatusAsync"/> that the credential names.</summary>
    public required StatusAllocation Status { get; init; }

    /// <summary>
    /// The id of the credential this one corrects, or <see langword="null"/>. In the same transaction that credential is
    /// revoked, linked (<see cref="StoredCredential.SupersededBy"/>) and hands its idempotency key over to this one, so a
    /// correction may (and should) carry the award's idempotency key.
    /// </summary>
    public string? Supersedes { get; init; }

    /// <summary>
    /// For a re-issue: the administrator's reason, appended to the audit details of the new credential's issue and the
    /// superseded one's revocation. <see langword="null"/> otherwise.
    /// </summary>
    public string? ReissueReason { get; init; }

    /// <summary>The graduate's plain download token, or <see langword="null"/>; only its SHA-256 is stored.</summary>
    public string? DownloadToken { get; init; }

    /// <summary>Who issued it (API key name, staff user), for the audit log.</summary>
    public required string Actor { get; init; }

    /// <summary>
    /// For a re-issue that corrects the learner's e-mail address: the audit detail (old and new peppered e-mail hashes
    /// and the administrator's reason), written as an <see cref="AuditAction.EmailCorrection"/> entry in the same
    /// transaction. <see langword="null"/> otherwise.
    /// </summary>
    public string? EmailCorrection { get; init; }
}
