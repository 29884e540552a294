namespace MicroCredentials.Data;

/// <summary>One line of the audit log.</summary>
/// <param name="Id">Increasing row id.</param>
/// <param name="At">When it happened (from the store's <see cref="TimeProvider"/>).</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Action">What was done.</param>
/// <param name="CredentialId">The credential concerned, or <see langword="null"/>.</param>
/// <param name="Detail">Free text (revocation reason, key name, catalogue version), or <see langword="null"/>.</param>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, AuditAction Action, string? CredentialId, string? Detail);
