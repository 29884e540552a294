namespace MicroCredentials.Data;

/// <summary>
/// What staff search credentials by; every criterion left <see langword="null"/> matches everything, and the criteria
/// that are given must all hold.
/// </summary>
public sealed record CredentialSearch
{
    /// <summary>
    /// A name or an identifier as typed: it matches a credential whose learner name contains every word of it (case and
    /// accents ignored, <see cref="Catalog.LearnerNameKey"/>), or whose id (also the bare UUID), handle or short code it is.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>The learner's e-mail lookup hash (<see cref="Issuance.IssuanceService.EmailLookupHash"/>): that learner's credentials.</summary>
    public string? EmailHash { get; init; }

    /// <summary>The learner row: that learner's credentials.</summary>
    public long? LearnerId { get; init; }

    /// <summary>The micro-credential's catalogue code (every version of it).</summary>
    public string? Code { get; init; }

    /// <summary>Issued at or after this instant.</summary>
    public DateTimeOffset? IssuedFrom { get; init; }

    /// <summary>Issued before this instant.</summary>
    public DateTimeOffset? IssuedBefore { get; init; }

    /// <summary>In this state only.</summary>
    public CredentialState? State { get; init; }
}
