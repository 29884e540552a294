namespace MicroCredentials.Host.Components.Staff.Admin;

/// <summary>One key of the issuer's key history as the keys page lists it.</summary>
/// <param name="Purpose">Ed25519, ES256, RS256 or Seal.</param>
/// <param name="KeyId">Multikey (Ed25519), RFC 7638 thumbprint (JWT) or the certificate's SHA-256 (seal).</param>
/// <param name="ValidFrom">First moment it signs; null since the beginning.</param>
/// <param name="ValidUntil">The rotation moment that retired it; null while it signs.</param>
/// <param name="ModuleLabel">Its label in the hardware module; null for a file key.</param>
public sealed record KeyHistoryRow(string Purpose, string KeyId, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil, string? ModuleLabel);
