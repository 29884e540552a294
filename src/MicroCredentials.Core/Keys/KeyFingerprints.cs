namespace MicroCredentials.Keys;

/// <summary>The public fingerprints of one key generation.</summary>
/// <param name="Ed25519">The Ed25519 key as Multikey <c>z6Mk…</c>.</param>
/// <param name="Es256">The ES256 key's RFC 7638 thumbprint.</param>
/// <param name="Rs256">The RS256 key's RFC 7638 thumbprint.</param>
public sealed record KeyFingerprints(string Ed25519, string Es256, string Rs256);
