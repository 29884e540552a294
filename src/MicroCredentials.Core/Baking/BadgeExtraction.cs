namespace MicroCredentials.Baking;

/// <summary>What was found in a baked badge image.</summary>
/// <param name="Status">Found, not baked, or malformed image.</param>
/// <param name="Credential">The baked credential: a compact JWS or the credential JSON; null unless <see cref="BadgeExtractionStatus.Found"/>.</param>
public sealed record BadgeExtraction(BadgeExtractionStatus Status, string? Credential)
{
    /// <summary>True when the baked credential is a compact JWS (VC-JWT) rather than JSON with an embedded proof.</summary>
    public bool IsJwt => Credential is { } c && BakingTerms.IsCompactJws(c);
}
