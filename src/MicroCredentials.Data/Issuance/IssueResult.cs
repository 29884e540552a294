namespace MicroCredentials.Data.Issuance;

/// <summary>The outcome of issuing one award, with everything the caller hands on to the graduate.</summary>
public sealed record IssueResult
{
    /// <summary>What happened.</summary>
    public required IssueOutcome Outcome { get; init; }

    /// <summary>1-based CSV line of the row, when issued from a file.</summary>
    public int? Line { get; init; }

    /// <summary>Learner name (for summaries; never the e-mail).</summary>
    public string? LearnerName { get; init; }

    /// <summary>Micro-credential code.</summary>
    public string? Code { get; init; }

    /// <summary>Why it was rejected (field: reason), for <see cref="IssueOutcome.Rejected"/>.</summary>
    public string? Reason { get; init; }

    /// <summary>The stored credential (new or the one issued before).</summary>
    public StoredCredential? Credential { get; init; }

    /// <summary>The public verification page (the QR code's target).</summary>
    public string? VerificationUrl { get; init; }

    /// <summary>The graduate's personal download page.</summary>
    public string? DownloadUrl { get; init; }
}
