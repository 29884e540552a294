namespace MicroCredentials.Status;

/// <summary>The result of checking one <c>credentialStatus</c> entry.</summary>
public sealed record StatusCheckResult
{
    /// <summary>The verdict.</summary>
    public required StatusCheckOutcome Outcome { get; init; }

    /// <summary>Why, when the verdict is not Valid/Revoked/Suspended.</summary>
    public StatusCheckReason Reason { get; init; }

    /// <summary>The entry's <c>statusPurpose</c>, when readable.</summary>
    public string? StatusPurpose { get; init; }

    /// <summary>The entry's <c>statusListCredential</c>, when readable.</summary>
    public string? StatusListCredential { get; init; }

    /// <summary>The entry's <c>statusListIndex</c>, when readable.</summary>
    public string? StatusListIndex { get; init; }

    /// <summary>When the list that decided a Valid/Revoked/Suspended verdict was fetched (null for a local list).</summary>
    public DateTimeOffset? ListFetchedAt { get; init; }

    /// <summary>For <see cref="StatusCheckOutcome.Unknown"/>: what the last good copy of the list said, if any.</summary>
    public StatusCheckOutcome? LastKnownOutcome { get; init; }

    /// <summary>For <see cref="StatusCheckOutcome.Unknown"/>: when that last good copy was fetched.</summary>
    public DateTimeOffset? LastKnownAt { get; init; }

    /// <summary>
    /// A plain-English sentence for the verification page, e.g.
    /// <c>status could not be checked (last known: valid, at 2026-11-28T09:00:00Z): …</c>.
    /// </summary>
    public required string Detail { get; init; }
}
