namespace MicroCredentials.Data.Issuance;

/// <summary>What happened to one award.</summary>
public enum IssueOutcome
{
    /// <summary>A new credential was signed and stored.</summary>
    Issued,

    /// <summary>Dry run: it would be issued.</summary>
    WouldIssue,

    /// <summary>The same learner, micro-credential and award date was issued before; nothing new was written.</summary>
    AlreadyIssued,

    /// <summary>The input was rejected; see the reason.</summary>
    Rejected,
}
