namespace MicroCredentials.Data;

/// <summary>Filters of the audit log page and export; every filter left <see langword="null"/> matches everything.</summary>
public sealed record AuditQuery
{
    /// <summary>Entries whose actor contains this text (case-insensitive).</summary>
    public string? Actor { get; init; }

    /// <summary>Entries of this action only.</summary>
    public AuditAction? Action { get; init; }

    /// <summary>Entries at or after this instant.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Entries before this instant.</summary>
    public DateTimeOffset? Until { get; init; }
}
